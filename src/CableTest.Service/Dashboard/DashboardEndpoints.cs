using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Runs;
using CableTest.Storage.Runs;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Dashboard;

/// <summary>
/// The station view's two reads of a run: its stored readings for the charts (<c>/dashboard/runs/{runId}/readings</c>;
/// the live stream is thinned, a finished run is drawn from every reading) and its results for the banner and the rows
/// (<c>/dashboard/runs/{runId}/results</c>).
/// </summary>
internal static class DashboardEndpoints
{
    public static async Task<IResult> ReadingsAsync(string runId, IRunStore store, CancellationToken cancellationToken)
    {
        var readings = (await store.GetReadingsAsync(runId, cancellationToken).ConfigureAwait(false))
            .Select(r => new DashboardReading(r.Quantity, r.Value, r.StepId, r.Core, r.StepTimeS, r.TimeUnixNs / 1_000_000))
            .ToList();
        return Results.Json<IReadOnlyList<DashboardReading>>(readings, DashboardJson.Default.IReadOnlyListDashboardReading);
    }

    public static async Task<IResult> ResultsAsync(string runId, RunOrchestrator orchestrator, IRunStore store, VerdictIntegrity integrity,
        Service.Bench.Bench bench, CancellationToken cancellationToken)
    {
        V1.Run run;
        try
        {
            run = await orchestrator.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        }
        catch (Grpc.NotFoundException)
        {
            return Results.NotFound($"run {runId} is not known");
        }

        V1.Verdict? verdict = null;
        try
        {
            if (await store.GetVerdictByRunAsync(runId, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                verdict = VerdictDocument.FromStored(stored);
            }
        }
        catch (VerdictIntegrityException e)
        {
            integrity.Report(e, "dashboard");
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "verdict record altered",
                detail: $"the verdict record at sequence {e.Sequence} does not match its hashes and is not shown: {e.Detail}");
        }

        var tests = verdict?.Tests.ToList() ?? [.. run.Steps.Where(s => s.Verdict is not null).Select(s => s.Verdict)];
        var ending = verdict?.Ending ?? run.Ending;
        var simulated = (bench.IsEmbedded && (verdict is null || string.Equals(verdict.BenchId, bench.BenchId, StringComparison.Ordinal)))
            || tests.SelectMany(t => t.Instruments).Any(Service.Bench.SimulatorIdentity.Is);
        var results = new DashboardResults(
            run.RunId,
            run.SampleId,
            verdict?.ProductSpec ?? "",
            ProtoNames.Of(run.State),
            ProtoNames.Of(verdict?.Outcome ?? run.Outcome),
            verdict is not null,
            simulated,
            Ending(ending, run.EndReason),
            [.. tests.Select(DashboardRow.From)]);
        return Results.Json(results, DashboardJson.Default.DashboardResults);
    }

    /// <summary>How the run ended when it did not complete (the record's ending, else the run's end reason); null for a completed or running run.</summary>
    private static DashboardEnding? Ending(V1.RunEnding? ending, string endReason)
    {
        if (ending is { Kind.Length: > 0 } && ending.Kind != "completed")
        {
            var reason = ending.Reason.Length > 0 ? ending.Reason : endReason;
            return new DashboardEnding(ending.Kind, reason, ending.By, ending.StepId, RunEndingPhrases.ChineseFor(reason));
        }

        return endReason.Length > 0 ? new DashboardEnding("", endReason, "", "", RunEndingPhrases.ChineseFor(endReason)) : null;
    }
}
