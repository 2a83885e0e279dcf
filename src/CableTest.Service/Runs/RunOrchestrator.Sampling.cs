using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

public sealed partial class RunOrchestrator
{
    /// <summary>
    /// The sample's sealed sampling record, null when it has none. Only the edge asks, and only for a caller whose role may
    /// see it: the coded sample (<see cref="GetSampleAsync"/>) never carries it.
    /// </summary>
    public async Task<V1.SamplingRecord?> GetSamplingRecordAsync(string sampleId, CancellationToken cancellationToken)
    {
        var record = await _store.GetSamplingRecordAsync(sampleId, cancellationToken).ConfigureAwait(false);
        return record is null ? null : Parser.Parse<V1.SamplingRecord>(record.Json);
    }
}
