using System.CommandLine;
using System.CommandLine.Invocation;
using CableTest.Cli.Commands;
using CableTest.Cli.Usage;

namespace CableTest.Cli;

/// <summary>
/// The `cabletest` command line. Each command lives in its own file under Commands/ and is
/// registered here.
/// </summary>
public static class CliApplication
{
    /// <summary>The root command with every subcommand, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static RootCommand BuildRootCommand(TextWriter output, TextWriter error, TextReader? input = null)
    {
        var root = new RootCommand("cabletest: CableTest command line (wire-and-cable test benches)");
        foreach (var command in Commands(output, error, input ?? Console.In))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, Console.In, cancellationToken);

    /// <summary>As <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/>, with prompts answered from <paramref name="input"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input, CancellationToken cancellationToken = default)
    {
        var root = BuildRootCommand(output, error, input);
        // Ctrl+C cancels the action's token; `run` then aborts the run (high voltage off), which may take a few seconds.
        var config = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = TimeSpan.FromSeconds(20) };
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction && parse.Errors.Count > 0)
        {
            // One line per error in the user's words (Usage/UsageErrors), not the error list plus the whole help page.
            foreach (var line in UsageErrors.Lines(parse))
            {
                await error.WriteLineAsync(line.AsMemory(), cancellationToken);
            }

            return UsageExitCode(parse);
        }

        var code = await parse.InvokeAsync(config, cancellationToken);
        return parse.Errors.Count > 0 && code == ExitCodes.Usage ? UsageExitCode(parse) : code;
    }

    /// <summary>
    /// `run` and `watch` exit with 0/1/2 = pass/fail/no verdict, `compare` with 0/1/2 = consistent/not consistent/no
    /// comparison, `risk` with 0/1/2 = no warning/warning (--fail-on-warning)/no summary: a usage error there is 2, so it
    /// never reads as a failed cable, an inconsistent re-inspection or a warned manufacturer.
    /// </summary>
    private static int UsageExitCode(ParseResult parse) =>
        ExitCodes.OneIsAFinding(parse.CommandResult.Command.Name) ? ExitCodes.NoVerdict : ExitCodes.Usage;

    private static IEnumerable<Command> Commands(TextWriter output, TextWriter error, TextReader input)
    {
        yield return EvaluateCommand.Create(output, error);
        yield return ProbeCommand.Create(output, error);
        yield return RunCommand.Create(output, error, input);
        yield return WatchCommand.Create(output, error);
        yield return VerdictsCommand.Create(output, error);
        yield return SpecsCommand.Create(output, error);
        yield return ReplayCommand.Create(output, error);
        yield return CompareCommand.Create(output, error);
        yield return RiskCommand.Create(output, error);
        yield return ReportCommand.Create(output, error);
        yield return VerifyCommand.Create(output, error);
        yield return EvidenceCommand.Create(output, error);
        yield return SimCommand.Create(output, error);
    }
}
