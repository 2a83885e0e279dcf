using System.CommandLine;
using System.Globalization;
using CableTest.Cli.Output;
using CableTest.Cli.Remote;
using CableTest.Contracts.V1;
using Google.Protobuf;
using Spectre.Console;
using static System.FormattableString;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest replay RUN_ID [--rule ...] [--guard-band W] [--uncertainty U|budget] [--coverage K] [--kt-method M]
/// [--edition E] [--recorded-timing] [--format table|json]`: asks the service to replay a recorded run through
/// the simulator and the verdict engine, then shows the original and replayed outcomes, the field-by-field diff
/// and any divergence between the requests made and the recording. Exit 0 when the replay followed the
/// recording, 1 when it diverged, 2 when the service refused or could not be reached.
/// </summary>
internal static class ReplayCommand
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(false));

    private static readonly Dictionary<string, DecisionRule.Types.Kind> Rules = new(StringComparer.Ordinal)
    {
        ["simple"] = DecisionRule.Types.Kind.SimpleAcceptance,
        ["guard-band"] = DecisionRule.Types.Kind.BinaryGuardBand,
        ["non-binary"] = DecisionRule.Types.Kind.NonBinaryGuardBand,
    };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var service = new ServiceOptions();
        var runId = new Argument<string>("RUN_ID") { Description = "The recorded run to replay (full id, a unique start, or its last 6 hex digits)" };
        var rule = new Option<string?>("--rule") { Description = "Re-evaluate under this decision rule (ILAC-G8): simple, guard-band or non-binary" };
        rule.AcceptOnlyFromAmong([.. Rules.Keys]);
        var guardBand = new Option<double?>("--guard-band") { Description = "Guard band w, in the unit of the compared quantity" };
        var uncertainty = new Option<string?>("--uncertainty") { Description = "Expanded uncertainty U of the compared quantity, same unit; or 'budget': each result's own U from its uncertainty budget (w = U)" };
        var coverage = new Option<double?>("--coverage") { Description = "Coverage factor k of U (default 2)" };
        var kt = new Option<string?>("--kt-method") { Description = "Temperature correction: alpha20 (GB/T 3048.4) or iec60228_tableB1" };
        kt.AcceptOnlyFromAmong("alpha20", "iec60228_tableB1");
        var edition = new Option<string?>("--edition") { Description = "Re-evaluate against this standard edition, e.g. \"IEC 60228:2004\"" };
        var recordedTiming = new Option<bool>("--recorded-timing") { Description = "Answer at the recorded timing instead of as fast as possible" };
        var format = VerdictsCommand.Format("table", "json");
        var command = new Command("replay", "Replay a recorded run through the simulator and the verdict engine, and show what changed")
        {
            runId, rule, guardBand, uncertainty, coverage, kt, edition, recordedTiming, format,
        };
        service.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(rule) is null && (result.GetValue(guardBand) is not null || result.GetValue(uncertainty) is not null || result.GetValue(coverage) is not null))
            {
                result.AddError("--guard-band, --uncertainty and --coverage need --rule");
            }

            var u = result.GetValue(uncertainty);
            if (u is not null && u != Budget && !double.TryParse(u, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                result.AddError($"--uncertainty must be a number (the expanded uncertainty U) or budget (got \"{u}\")");
            }

            if (u == Budget && result.GetValue(guardBand) is not null)
            {
                result.AddError("--uncertainty budget takes w = U from each result's budget: leave out --guard-band");
            }

            foreach (var value in new[] { result.GetValue(guardBand), Number(u), result.GetValue(coverage) })
            {
                if (value is { } v && (v < 0 || !double.IsFinite(v)))
                {
                    result.AddError("--guard-band, --uncertainty and --coverage must be finite and not negative");
                    break;
                }
            }
        });
        command.SetAction((parse, token) => RemoteCommand.RunAsync("replay", service, parse, stderr, async connection =>
        {
            var request = new ReplayRunRequest
            {
                RunId = await RunIds.ResolveAsync(connection, parse.GetValue(runId)!, token),
                KtMethod = parse.GetValue(kt) ?? "",
                StandardEdition = parse.GetValue(edition) ?? "",
                RecordedTiming = parse.GetValue(recordedTiming),
            };
            if (parse.GetValue(rule) is { } name)
            {
                request.DecisionRule = new DecisionRule
                {
                    Kind = Rules[name],
                    GuardBand = parse.GetValue(guardBand) ?? 0,
                    ExpandedUncertainty = Number(parse.GetValue(uncertainty)) ?? 0,
                    CoverageFactor = parse.GetValue(coverage) ?? 0,
                    UncertaintySource = parse.GetValue(uncertainty) == Budget ? Budget : "",
                };
            }

            var response = await connection.Replay.ReplayRunAsync(request, cancellationToken: token);
            if (parse.GetValue(format) == "json")
            {
                await stdout.WriteLineAsync(Formatter.Format(response).AsMemory(), token);
            }
            else
            {
                Write(Terminal.For(stdout), response);
            }

            return response.Divergences.Count == 0 ? ExitCodes.Ok : ExitCodes.Diverged;
        }, FieldFlags.RunId));
        return command;
    }

    private const string Budget = "budget";

    /// <summary>The --uncertainty text as U, or null for none, "budget" or text that is not a number.</summary>
    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static void Write(IAnsiConsole console, ReplayRunResponse response)
    {
        console.MarkupLine(Invariant($"Replay of run [bold]{Markup.Escape(response.Original.RunId)}[/] ({response.Exchanges} recorded exchanges): original {OutcomeText.Markup(response.Original.Outcome)}, replayed {OutcomeText.Markup(response.Replayed.Outcome)}"));
        if (response.Diffs.Count == 0)
        {
            console.MarkupLine("No field of the verdict differs.");
        }
        else
        {
            var diffs = new Table().Border(Terminal.Border(console)).AddColumn("Field").AddColumn("Original").AddColumn("Replayed");
            foreach (var diff in response.Diffs)
            {
                diffs.AddRow(Markup.Escape(diff.Path), Markup.Escape(diff.Original), Markup.Escape(diff.Replayed));
            }

            console.MarkupLine(Invariant($"{response.Diffs.Count} field(s) differ:"));
            console.Write(diffs);
        }

        if (response.AddedEvidence.Count > 0)
        {
            console.MarkupLine(Invariant($"{response.AddedEvidence.Count} evidence field(s) stated now that the original's older evidence version did not have: ")
                + Markup.Escape(string.Join(", ", response.AddedEvidence.Select(d => $"{d.Path} {d.Replayed}"))));
        }

        if (response.Divergences.Count == 0)
        {
            console.MarkupLine("Every request matched the recording.");
            return;
        }

        var divergences = new Table().Border(Terminal.Border(console)).AddColumn("Exchange").AddColumn("Line").AddColumn("Recorded request").AddColumn("Request made");
        foreach (var d in response.Divergences)
        {
            divergences.AddRow(d.Position.ToString(CultureInfo.InvariantCulture), Markup.Escape(d.Line), Markup.Escape(d.ExpectedRequestHex), Markup.Escape(d.ActualRequestHex));
        }

        console.MarkupLine(Invariant($"[red]{response.Divergences.Count} divergence(s)[/]: the replay stopped answering at the first request that differed from the recording."));
        console.Write(divergences);
    }
}
