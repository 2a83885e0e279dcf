using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Runs;
using CableTest.Storage.Runs;
using Google.Protobuf.WellKnownTypes;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Reports;

/// <summary>The print-ready bilingual report of a run's verdict, with its readings.</summary>
internal static class ReportEndpoint
{
    public static async Task<IResult> RenderAsync(string runId, IRunStore store, RunOrchestrator orchestrator, VerdictIntegrity integrity, CancellationToken cancellationToken)
    {
        StoredVerdict? stored;
        V1.Verdict verdict;
        try
        {
            stored = await store.GetVerdictByRunAsync(runId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return Results.NotFound($"run {runId} has no verdict (not finished, aborted or incomplete)");
            }

            verdict = VerdictDocument.FromStored(stored);
        }
        catch (VerdictIntegrityException e)
        {
            integrity.Report(e, "report");
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "verdict record altered",
                detail: $"the verdict record at sequence {e.Sequence} does not match its hashes and is not reported: {e.Detail}");
        }

        V1.Sample? sample = null;
        try
        {
            sample = await orchestrator.GetSampleAsync(stored.SampleId, cancellationToken).ConfigureAwait(false);
        }
        catch (Grpc.NotFoundException)
        {
            // Reported without the sample block.
        }

        var readings = (await store.GetReadingsAsync(runId, cancellationToken).ConfigureAwait(false))
            .Select(r => new V1.Reading
            {
                ReadingId = r.ReadingId,
                Time = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddTicks(r.TimeUnixNs / 100)),
                Quantity = r.Quantity,
                Value = r.Value,
                InstrumentId = r.InstrumentId,
                StepId = r.StepId,
                Core = r.Core,
                StepTimeS = r.StepTimeS,
            })
            .ToList();
        return Results.Content(TestReportRenderer.Render(verdict, sample, readings), "text/html; charset=utf-8");
    }
}
