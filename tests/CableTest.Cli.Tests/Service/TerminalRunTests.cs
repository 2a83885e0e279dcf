using CableTest.Testing;

namespace CableTest.Cli.Tests.Service;

/// <summary>
/// `cabletest run` on a real terminal: the executable runs under util-linux `script`, which gives it a
/// pseudo-terminal for stdin and stdout, so the live progress bars (not the plain lines used for pipes) are drawn.
/// </summary>
[Collection(GoodBenchCollection.Name)]
public sealed class TerminalRunTests(GoodBenchFixture bench)
{
    /// <summary>
    /// The CLI from its own output folder (artifacts/bin/CableTest.Cli/CONFIG): the copy beside the tests lacks the
    /// packages the service's shared framework gives the test process, so it cannot open a gRPC channel.
    /// </summary>
    private static string CliDll
    {
        get
        {
            var here = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
            return Path.GetFullPath(Path.Combine(here, "..", "..", "CableTest.Cli", Path.GetFileName(here), "cabletest.dll"));
        }
    }

    [Fact]
    public async Task Run_OnAPseudoTerminal_DrawsLiveProgressBarsAndTheVerdictTable()
    {
        Assert.True(File.Exists(CliDll), $"cabletest.dll not built: {CliDll}");
        Assert.True(File.Exists("/usr/bin/script"), "util-linux `script` is needed to give the CLI a terminal");
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var command = string.Join(' ', new[] { dotnet, CliDll }.Concat(CliResult.Bv25(bench.Service.Address, "S-CLI-TTY", "--yes")).Select(Quote));
        var environment = new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLUMNS"] = "140", ["LINES"] = "40" };
        await using var process = ExternalProcess.Start("/usr/bin/script", ["--quiet", "--flush", "--return", "--command", command, "/dev/null"], environment: environment);

        var code = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        await Task.Delay(100); // let the output pump drain
        var output = process.Output;

        Assert.True(code == ExitCodes.Ok, $"exit {code}\n{output}");
        Assert.Contains("\u001b[", output, StringComparison.Ordinal); // ANSI: the console saw a terminal
        Assert.Contains("━", output, StringComparison.Ordinal); // a progress bar column was drawn
        Assert.Contains("100%", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+:\d\d left", output); // the time left in a dwell or electrification
        Assert.Contains("S-CLI-TTY", output, StringComparison.Ordinal);
        Assert.Contains("╭", output, StringComparison.Ordinal); // the verdict table with rounded borders
        Assert.DoesNotContain("[1/", output, StringComparison.Ordinal); // not the plain progress lines of a pipe
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
