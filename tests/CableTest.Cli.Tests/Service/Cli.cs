using System.Text.RegularExpressions;

namespace CableTest.Cli.Tests.Service;

/// <summary>Runs the CLI in process and captures what it wrote.</summary>
public sealed record CliResult(int Code, string Out, string Err)
{
    public string RunId => Regex.Match(Out, @"run (\S+) started").Groups[1].Value;

    public static async Task<CliResult> RunAsync(string[] args, string input = "")
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stdin = new StringReader(input);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var code = await CliApplication.RunAsync(args, stdout, stderr, stdin, limit.Token);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>As <see cref="RunAsync"/> with no input, the arguments listed.</summary>
    public static Task<CliResult> Of(params string[] args) => RunAsync(args);

    public static string[] Bv25(string server, string sampleId, params string[] extra) =>
    [
        "run", "--server", server, "--sample", sampleId, "--spec", "gbt5023.3-227iec01-bv-450/750", "--csa", "2.5", "--cores", "1",
        "--length", "100", "--class", "1", "--d", "1.78", "--D", "3.38", "--lims-order", "LIMS-" + sampleId, "--operator", "cli-test",
        .. extra,
    ];

    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
