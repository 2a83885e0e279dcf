using CableTest.Cli.Tests.Service;
using CableTest.Testing;

namespace CableTest.Cli.Tests;

/// <summary>Service commands without a service, and usage errors.</summary>
public sealed class OfflineCommandTests
{
    private static readonly string Nowhere = $"http://127.0.0.1:{FreeTcpPort.Next()}";

    [Theory]
    [InlineData("verdicts", "list")]
    [InlineData("watch", "some-run")]
    [InlineData("report", "some-run")]
    public async Task ServiceCommand_ServerDown_OneLineNamingTheAddress_ExitsTwo(string command, string argument)
    {
        var result = await CliResult.RunAsync([command, argument, "--server", Nowhere]);

        Assert.True(result.Code == ExitCodes.Service, result.ToString());
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot reach the CableTest service at " + Nowhere, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verdicts", "list")]
    [InlineData("report", "some-run")]
    public async Task ServiceThatNeverAnswers_TimeoutEndsTheCommand_ExitsTwo(string command, string argument)
    {
        // A server that takes the connection and the request and never answers: what a lost response looks like
        // from the client (docs/service.md, "The lost HTTP/2 response").
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        using var stop = new CancellationTokenSource();
        var held = new List<System.Net.Sockets.TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                held.Add(await silent.AcceptTcpClientAsync(stop.Token));
            }
        });
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}";

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await CliResult.RunAsync([command, argument, "--server", address, "--timeout", "1"]);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accepting);
        held.ForEach(c => c.Dispose());
        Assert.True(result.Code == ExitCodes.Service, result.ToString());
        Assert.Contains("did not answer in time", result.Err, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the command took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1e9")]
    public async Task ServiceCommand_BadTimeout_NamesTheFlag_BeforeAnyRequest(string value)
    {
        var result = await CliResult.RunAsync(["verdicts", "list", "--server", Nowhere, "--timeout", value]);

        Assert.True(result.Code == ExitCodes.Usage, result.ToString());
        Assert.Contains("--timeout", OneLine(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerDown_ExitsTwo()
    {
        var result = await CliResult.RunAsync(CliResult.Bv25(Nowhere, "S-1", "--yes"));

        Assert.True(result.Code == ExitCodes.NoVerdict, result.ToString());
        Assert.Contains("cannot reach the CableTest service", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadNumber_OneLineNamingTheFlagAndUnit_NoHelp_ExitsTwo()
    {
        var result = await CliResult.RunAsync(["run", "--sample", "S-1", "--spec", "x", "--csa", "two", "--cores", "1", "--length", "10", "--server", Nowhere]);

        Assert.Equal(ExitCodes.NoVerdict, result.Code);
        Assert.Equal("cabletest run: --csa must be a number in mm² (got \"two\")", OneLine(result));
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("--csa", "-1", "cabletest run: --csa must be greater than 0 mm² (got -1)")]
    [InlineData("--length", "0", "cabletest run: --length must be greater than 0 m (got 0)")]
    [InlineData("--cores", "0", "cabletest run: --cores must be at least 1 (got 0)")]
    [InlineData("--cores", "1.5", "cabletest run: --cores must be a whole number (got \"1.5\")")]
    [InlineData("--class", "3", "cabletest run: --class must be 1, 2, 5 or 6 (got \"3\")")]
    public async Task Run_BadValue_OneLineNamingTheFlag_BeforeAnyRequest(string flag, string value, string expected)
    {
        var args = CliResult.Bv25(Nowhere, "S-1");
        args[Array.IndexOf(args, flag) + 1] = value;

        var result = await CliResult.RunAsync(args);

        Assert.True(result.Code == ExitCodes.NoVerdict, result.ToString());
        Assert.Equal(expected, OneLine(result));
    }

    [Fact]
    public async Task Run_DiameterUnderNotBelowOver_NamesBothFlags()
    {
        var args = CliResult.Bv25(Nowhere, "S-1");
        args[Array.IndexOf(args, "--d") + 1] = "3.38";
        args[Array.IndexOf(args, "--D") + 1] = "1.78";

        var result = await CliResult.RunAsync(args);

        Assert.True(result.Code == ExitCodes.NoVerdict, result.ToString());
        Assert.StartsWith("cabletest run: --d 3.38 must be smaller than --D 1.78", OneLine(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SpecWithoutDimensions_NamesTheMissingFlags()
    {
        var result = await CliResult.RunAsync(["run", "--sample", "S-1", "--spec", "x", "--csa", "2.5", "--server", Nowhere]);

        Assert.Equal(ExitCodes.NoVerdict, result.Code);
        Assert.StartsWith("cabletest run: to register sample S-1 also give --cores and --length", OneLine(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExitCodes.NoVerdict, "cabletest run: unknown option --csaa; did you mean --csa?", "run", "--sample", "S-1", "--csaa", "2.5")]
    [InlineData(ExitCodes.Usage, "cabletest: unknown command 'rnu'; did you mean run?", "rnu", "--sample", "S-1")]
    [InlineData(ExitCodes.Usage, "cabletest verdicts: unknown command 'lsit'; did you mean list?", "verdicts", "lsit")]
    [InlineData(ExitCodes.Usage, "cabletest verdicts list: --format must be table, json or csv (got \"xml\")", "verdicts", "list", "--format", "xml")]
    [InlineData(ExitCodes.Usage, "cabletest verdicts list: --from must be a date or time in ISO 8601 (e.g. 2025-06-01 or 2025-06-01T08:00:00Z) (got \"yesterday\")", "verdicts", "list", "--from", "yesterday")]
    [InlineData(ExitCodes.Usage, "cabletest report: give RUN_ID (cabletest report --help)", "report")]
    public async Task UsageError_OneLineWithTheFix_NoHelpPage(int code, string expected, params string[] args)
    {
        var result = await CliResult.RunAsync(args);

        Assert.True(result.Code == code, result.ToString());
        Assert.Equal(expected, OneLine(result));
        Assert.DoesNotContain("Usage:", result.Out + result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verdicts", "list", "--format", "xml")]
    [InlineData("verdicts", "list", "--verdict", "great")]
    [InlineData("verdicts", "list", "--limit", "0")]
    [InlineData("verdicts", "show")]
    [InlineData("report")]
    public async Task BadArguments_AreUsageErrors(params string[] args)
    {
        var result = await CliResult.RunAsync(args);

        Assert.True(result.Code == ExitCodes.Usage, result.ToString());
        Assert.NotEmpty(result.Err);
    }

    [Theory]
    [InlineData("run", "--yes")]
    [InlineData("watch", "--server")]
    [InlineData("verdicts list", "--format")]
    [InlineData("verdicts show", "--sample")]
    [InlineData("report", "--output")]
    [InlineData("verify", "--data-dir")]
    [InlineData("sim", "--scenario")]
    public async Task Help_EveryCommand_ListsItsOptions(string command, string option)
    {
        var result = await CliResult.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Ok, result.Code);
        Assert.Contains(option, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NoStore_ExitsTwo()
    {
        using var dir = new TempDirectory("cabletest-cli-verify");

        var result = await CliResult.RunAsync(["verify", "--data-dir", dir.Path]);

        Assert.Equal(ExitCodes.NoVerdict, result.Code);
        Assert.Contains("no run store at", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sim_List_NamesTheShippedScenarios()
    {
        var result = await CliResult.RunAsync(["sim", "--list"]);

        Assert.Equal(ExitCodes.Ok, result.Code);
        Assert.Contains("undersized-bv-2.5", result.Out, StringComparison.Ordinal);
    }

    private static string OneLine(CliResult result) => Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
