using System.CommandLine;
using CableTest.Cli.Output;
using CableTest.Cli.Remote;
using CableTest.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest verdicts list [--sample ID] [--order X] [--verdict pass,fail] [--from T] [--to T] [--limit N] [--format table|json|csv]`:
/// verdict summaries in feed order, every page fetched up to --limit.
/// </summary>
internal static class VerdictsListCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var service = new ServiceOptions();
        var sample = new Option<string?>("--sample") { Description = "Only this sample" };
        var order = new Option<string?>("--order") { Description = "Only this LIMS order" };
        var verdict = new Option<string[]>("--verdict")
        {
            Description = "Only these outcomes (pass, conditional_pass, conditional_fail, fail, invalid, inconclusive, error, retest, incomplete; comma-separated or repeated)",
            AllowMultipleArgumentsPerToken = true,
        };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Evaluated at or after (ISO 8601, e.g. 2025-06-01 or 2025-06-01T08:00:00Z; UTC when no offset)" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Evaluated before (ISO 8601)" };
        var limit = new Option<int>("--limit") { Description = "At most this many verdicts", DefaultValueFactory = _ => 1000 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() <= 0)
            {
                r.AddError("--limit must be at least 1");
            }
        });
        var format = VerdictsCommand.Format("table", "json", "csv");
        var command = new Command("list", "List verdicts, oldest first") { sample, order, verdict, from, to, limit, format };
        service.AddTo(command);
        command.Validators.Add(result =>
        {
            foreach (var text in Split(result.GetValue(verdict)))
            {
                if (!OutcomeText.TryParse(text, out _))
                {
                    result.AddError($"--verdict: unknown outcome '{text}'");
                }
            }
        });
        command.SetAction((parse, token) => RemoteCommand.RunAsync("verdicts list", service, parse, stderr, async connection =>
        {
            var request = new ListVerdictsRequest
            {
                SampleId = parse.GetValue(sample) ?? "",
                LimsOrder = parse.GetValue(order) ?? "",
                PageSize = 200,
            };
            foreach (var text in Split(parse.GetValue(verdict)))
            {
                OutcomeText.TryParse(text, out var outcome);
                request.Outcomes.Add(outcome);
            }

            if (parse.GetValue(from) is { } f) request.EvaluatedFrom = Timestamp.FromDateTimeOffset(f);
            if (parse.GetValue(to) is { } t) request.EvaluatedTo = Timestamp.FromDateTimeOffset(t);
            var max = parse.GetValue(limit);
            var verdicts = new List<Verdict>();
            do
            {
                var page = await connection.Verdicts.ListVerdictsAsync(request, cancellationToken: token);
                verdicts.AddRange(page.Verdicts.Take(max - verdicts.Count));
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && verdicts.Count < max);

            await VerdictListWriter.WriteAsync(parse.GetValue(format)!, verdicts, stdout, token);
            return ExitCodes.Ok;
        }, FieldFlags.VerdictsList));
        return command;
    }

    private static IEnumerable<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

}
