using CableTest.Contracts.V1;
using CableTest.Domain.Comparison;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Storage.Runs;

namespace CableTest.Service.Grpc.Inspections;

/// <summary>Loads the verdict records two inspections stand on and compares them (the service and the reports share it).</summary>
internal sealed class InspectionComparisons(IRunStore store)
{
    public async Task<CompareInspectionsResponse> CompareRunsAsync(string runA, string runB, CancellationToken cancellationToken)
    {
        var a = await VerdictAsync(runA, cancellationToken).ConfigureAwait(false);
        var b = await VerdictAsync(runB, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(a.SampleId, b.SampleId, StringComparison.Ordinal))
        {
            throw new RequestValidationException([new FieldViolation("run_b",
                $"run {runB} is of sample {b.SampleId}, not {a.SampleId}: a re-inspection is another run of the same sample")]);
        }

        var comparison = InspectionComparer.Compare(InspectionMapping.FromVerdict(a), InspectionMapping.FromVerdict(b));
        return InspectionMapping.ToProto(comparison, InspectionMapping.Summary(a), InspectionMapping.Summary(b));
    }

    public async Task<CompareInspectionsResponse> CompareExternalAsync(string runA, Inspection external, CancellationToken cancellationToken)
    {
        var a = await VerdictAsync(runA, cancellationToken).ConfigureAwait(false);
        if (external.SampleId.Length > 0 && !string.Equals(external.SampleId, a.SampleId, StringComparison.Ordinal))
        {
            throw new RequestValidationException([new FieldViolation("external_results.sample_id",
                $"\"{external.SampleId}\" is not the sample of run {runA} ({a.SampleId}): leave sample_id out if the other lab coded it otherwise")]);
        }

        var comparison = InspectionComparer.Compare(InspectionMapping.FromVerdict(a), external);
        return InspectionMapping.ToProto(comparison, InspectionMapping.Summary(a), InspectionMapping.Summary(external));
    }

    /// <summary>
    /// The run's comparison with every other run of its sample that has a verdict record (its re-inspections), oldest
    /// first, then with every other lab's results recorded with the sample, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<CompareInspectionsResponse>> ReinspectionsOfAsync(Verdict verdict, CancellationToken cancellationToken)
    {
        var result = new List<CompareInspectionsResponse>();
        var after = 0L;
        while (true)
        {
            var page = await store.ListVerdictsAsync(new VerdictQuery { SampleId = verdict.SampleId, AfterSequence = after, PageSize = 100 }, cancellationToken).ConfigureAwait(false);
            foreach (var other in page.Verdicts.Where(v => !string.Equals(v.RunId, verdict.RunId, StringComparison.Ordinal)))
            {
                var b = VerdictDocument.FromStored(other);
                var comparison = InspectionComparer.Compare(InspectionMapping.FromVerdict(verdict), InspectionMapping.FromVerdict(b));
                result.Add(InspectionMapping.ToProto(comparison, InspectionMapping.Summary(verdict), InspectionMapping.Summary(b)));
            }

            if (page.NextAfterSequence is not { } next)
            {
                break;
            }

            after = next;
        }

        foreach (var record in await store.ListExternalInspectionsAsync(verdict.SampleId, cancellationToken).ConfigureAwait(false))
        {
            var external = ExternalInspectionFile.Parse(record.Json);
            var comparison = InspectionComparer.Compare(InspectionMapping.FromVerdict(verdict), external);
            result.Add(InspectionMapping.ToProto(comparison, InspectionMapping.Summary(verdict), InspectionMapping.Summary(external)));
        }

        return result;
    }

    private async Task<Verdict> VerdictAsync(string runId, CancellationToken cancellationToken)
    {
        var stored = await store.GetVerdictByRunAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("verdict for run", runId);
        return VerdictDocument.FromStored(stored);
    }
}
