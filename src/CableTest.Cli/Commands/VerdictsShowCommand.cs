using System.CommandLine;
using CableTest.Cli.Output;
using CableTest.Cli.Remote;
using CableTest.Contracts.V1;
using Google.Protobuf;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest verdicts show RUN_ID | --sample ID [--format table|json]`: one verdict (the latest of a
/// sample with --sample); json is the full contract message, evidence included.
/// </summary>
internal static class VerdictsShowCommand
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(false));

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var service = new ServiceOptions();
        var runId = new Argument<string?>("RUN_ID") { Description = "The run whose verdict to show (full id, a unique start, or its last 6 hex digits)", Arity = ArgumentArity.ZeroOrOne };
        var sample = new Option<string?>("--sample") { Description = "Show the latest verdict of this sample instead" };
        var format = VerdictsCommand.Format("table", "json");
        var verbose = VerdictsCommand.Verbose();
        var command = new Command("show", "Show one verdict with its tests, values and limits") { runId, sample, format, verbose };
        service.AddTo(command);
        command.Validators.Add(result =>
        {
            if (string.IsNullOrEmpty(result.GetValue(runId)) == string.IsNullOrEmpty(result.GetValue(sample)))
            {
                result.AddError("give either RUN_ID or --sample ID");
            }
        });
        command.SetAction((parse, token) => RemoteCommand.RunAsync("verdicts show", service, parse, stderr, async connection =>
        {
            var request = parse.GetValue(runId) is { Length: > 0 } id
                ? new GetVerdictRequest { RunId = await RunIds.ResolveAsync(connection, id, token) }
                : new GetVerdictRequest { SampleId = parse.GetValue(sample)! };
            var verdict = await connection.Verdicts.GetVerdictAsync(request, cancellationToken: token);
            if (parse.GetValue(format) == "json")
            {
                await stdout.WriteLineAsync(Formatter.Format(verdict).AsMemory(), token);
            }
            else
            {
                VerdictTable.Write(Terminal.For(stdout), verdict, parse.GetValue(verbose));
            }

            return ExitCodes.Ok;
        }, FieldFlags.RunId));
        return command;
    }
}
