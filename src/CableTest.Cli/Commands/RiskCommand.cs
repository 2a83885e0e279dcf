using System.CommandLine;
using CableTest.Cli.Output;
using CableTest.Cli.Remote;
using CableTest.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest risk [--manufacturer X] [--spec ID] [--from T] [--format table|json] [--fail-on-warning]`: risk early warning
/// per product spec and per manufacturer (a lims, engineer or supervisor key) and the warnings of the service's rules.
/// With --fail-on-warning the exit code is for a script: 0 no warning, 1 at least one, 2 usage or service error.
/// </summary>
internal static class RiskCommand
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(true));

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var service = new ServiceOptions();
        var manufacturer = new Option<string?>("--manufacturer") { Description = "Only this manufacturer (exact name as in the sampling records)" };
        var spec = new Option<string?>("--spec") { Description = "Only this product spec id" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Only verdicts evaluated at or after (ISO 8601, e.g. 2026-06-01; UTC when no offset)" };
        var format = VerdictsCommand.Format("table", "json");
        var failOnWarning = new Option<bool>("--fail-on-warning") { Description = "Exit 1 when any warning is raised (0 when none; 2 for a usage or service error), for scripts" };
        var command = new Command("risk", "Risk early warning: failure rate (Wilson 95 %), margins to the limit and warnings per spec and per manufacturer")
        {
            manufacturer, spec, from, format, failOnWarning,
        };
        service.AddTo(command);
        command.SetAction((parse, token) => RemoteCommand.RunAsync("risk", service, parse, stderr, async connection =>
        {
            var request = new GetRiskSummaryRequest { Manufacturer = parse.GetValue(manufacturer) ?? "", SpecId = parse.GetValue(spec) ?? "" };
            if (parse.GetValue(from) is { } f)
            {
                request.EvaluatedFrom = Timestamp.FromDateTimeOffset(f);
            }

            var summary = await connection.Risk.GetRiskSummaryAsync(request, cancellationToken: token);
            if (parse.GetValue(format) == "json")
            {
                await stdout.WriteLineAsync(Formatter.Format(summary).AsMemory(), token);
            }
            else
            {
                await stdout.WriteAsync(RiskTable.Format(summary).AsMemory(), token);
            }

            return parse.GetValue(failOnWarning) && summary.Warnings.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        }, FieldFlags.Risk));
        return command;
    }
}
