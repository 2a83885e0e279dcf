using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Runs;
using CableTest.Storage.Runs;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Reports;

/// <summary>Gathers a <see cref="RunReport"/>: the run's verdict record, its sample and readings, the approval, the lab and the time zone.</summary>
internal sealed class RunReportSource(
    IRunStore store,
    RunOrchestrator orchestrator,
    VerdictIntegrity integrity,
    Grpc.Inspections.InspectionComparisons comparisons,
    Service.Bench.Bench bench,
    IOptionsMonitor<ReportOptions> options,
    TimeProvider time)
{
    /// <summary>
    /// The report, or the HTTP answer that says why there is none. <paramref name="withSampling"/>: the copy carries the
    /// sample's sealed sampling record (for a lims, engineer or supervisor caller only).
    /// </summary>
    public async Task<(RunReport? Report, IResult? Refusal)> LoadAsync(string runId, bool withSampling, CancellationToken cancellationToken)
    {
        StoredVerdict? stored;
        V1.Verdict verdict;
        try
        {
            stored = await store.GetVerdictByRunAsync(runId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return (null, Results.NotFound($"run {runId} has no verdict record (unknown, still running, or ended without one)"));
            }

            verdict = VerdictDocument.FromStored(stored);
        }
        catch (VerdictIntegrityException e)
        {
            integrity.Report(e, "report");
            return (null, Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "verdict record altered",
                detail: $"the verdict record at sequence {e.Sequence} does not match its hashes and is not reported: {e.Detail}"));
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
                ReadingId = VerdictReadingId(r),
                Time = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddTicks(r.TimeUnixNs / 100)),
                Quantity = r.Quantity,
                Value = r.Value,
                InstrumentId = r.InstrumentId,
                StepId = r.StepId,
                Core = r.Core,
                StepTimeS = r.StepTimeS,
            })
            .ToList();
        var approval = await store.GetRunApprovalAsync(runId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<V1.CompareInspectionsResponse> reinspections;
        try
        {
            reinspections = await comparisons.ReinspectionsOfAsync(verdict, cancellationToken).ConfigureAwait(false);
        }
        catch (VerdictIntegrityException e)
        {
            integrity.Report(e, "report");
            return (null, Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "verdict record altered",
                detail: $"a re-inspection of this sample (verdict record at sequence {e.Sequence}) does not match its hashes and is not reported: {e.Detail}"));
        }

        var sampling = withSampling ? await orchestrator.GetSamplingRecordAsync(stored.SampleId, cancellationToken).ConfigureAwait(false) : null;
        var settings = options.CurrentValue;
        var report = new RunReport(verdict, sample, readings, settings.Lab, approval, IsSimulated(verdict),
            ReportTime.For(settings), time.GetUtcNow(), sampling, reinspections);
        return (report, null);
    }

    /// <summary>
    /// The id the verdict's reading_ids use: the store keeps one row per field of a reading, as "{reading id}/{field}"
    /// (LocalReadingsForwarder), so the charts matched no reading and were never drawn.
    /// </summary>
    private static string VerdictReadingId(ReadingRecord r) =>
        r.ReadingId.Length > r.Quantity.Length + 1 && r.ReadingId.EndsWith("/" + r.Quantity, StringComparison.Ordinal)
            ? r.ReadingId[..^(r.Quantity.Length + 1)]
            : r.ReadingId;

    /// <summary>
    /// Made on the simulator: on this service's embedded simulated bench, or with an instrument that identified itself
    /// as the CableTest simulator (*IDN? "CableTest,MODEL,SIM…") wherever the run was made.
    /// </summary>
    private bool IsSimulated(V1.Verdict verdict) =>
        (bench.IsEmbedded && string.Equals(verdict.BenchId, bench.BenchId, StringComparison.Ordinal))
        || verdict.Tests.SelectMany(t => t.Instruments).Any(i =>
            string.Equals(i.Manufacturer, "CableTest", StringComparison.OrdinalIgnoreCase) && i.SerialNumber.StartsWith("SIM", StringComparison.Ordinal));
}
