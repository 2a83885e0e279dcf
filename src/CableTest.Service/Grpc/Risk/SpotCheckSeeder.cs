using CableTest.HardwareSim.Population;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Storage.Runs;
using Google.Protobuf;

namespace CableTest.Service.Grpc.Risk;

/// <summary>
/// Writes a simulated spot-check population (<see cref="SpotCheckPopulation"/>) into a run store as the service records
/// real spot checks: each sample with its sealed sampling record, and its verdict through the verdict feed (hash chain,
/// margins). For tests, demos and the risk benchmark; never used by the running service.
/// </summary>
public static class SpotCheckSeeder
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    public static async Task SeedAsync(IRunStore store, IEnumerable<SpotCheckSample> samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples)
        {
            var registeredAt = sample.TestedAt.AddHours(-1);
            var record = SpotCheckVerdicts.SamplingRecord(sample);
            var added = await store.TryAddSampleAsync(
                new SampleRecord(sample.SampleId, "SPOT-2026", $$"""{"sampleId":"{{sample.SampleId}}","specId":"{{sample.Product.SpecId}}"}""", registeredAt),
                new SealedSamplingRecord(sample.SampleId, sample.Product.SpecId, sample.Manufacturer.Name, Formatter.Format(record), registeredAt),
                cancellationToken).ConfigureAwait(false);
            if (!added)
            {
                throw new InvalidOperationException($"sample {sample.SampleId} is already in the store");
            }

            var verdict = SpotCheckVerdicts.Verdict(sample, "V-" + sample.SampleId, "R-" + sample.SampleId);
            await store.AppendVerdictAsync(VerdictDocument.ToNewVerdict(verdict), cancellationToken).ConfigureAwait(false);
        }
    }
}
