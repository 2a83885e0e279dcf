using System.CommandLine;
using CableTest.Cli.Commands;

namespace CableTest.Cli;

/// <summary>
/// The `cabletest` command line. Each command lives in its own file under Commands/ and is
/// registered here (evaluate now; run, watch, verdicts, replay, report, verify, sim and probe join
/// the list the same way).
/// </summary>
public static class CliApplication
{
    /// <summary>The root command with every subcommand, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static RootCommand BuildRootCommand(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("cabletest: CableTest command line (wire-and-cable test benches)");
        foreach (var command in Commands(output, error))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = BuildRootCommand(output, error);
        var config = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).InvokeAsync(config, cancellationToken);
    }

    private static IEnumerable<Command> Commands(TextWriter output, TextWriter error)
    {
        yield return EvaluateCommand.Create(output, error);
        yield return ProbeCommand.Create(output, error);
    }
}
