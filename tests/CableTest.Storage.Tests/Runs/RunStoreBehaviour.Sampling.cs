using CableTest.Storage.Runs;

namespace CableTest.Storage.Tests.Runs;

public abstract partial class RunStoreBehaviour
{
    private const string BvSpec = "gbt5023.3-227iec01-bv-450/750";
    private const string RvSpec = "gbt5023.5-227iec02-rv-450/750";

    [Fact]
    public async Task Samples_WithSamplingRecord_RecordKeptApartFromTheCodedSample()
    {
        var t = Time.GetUtcNow();
        var sampling = new SealedSamplingRecord("S1", BvSpec, "Acme Cable Co.", "{\"manufacturer\":\"Acme Cable Co.\",\"sealNumber\":\"F-001\"}", t);
        Assert.True(await Store.TryAddSampleAsync(new SampleRecord("S1", "L-1", "{\"sampleId\":\"S1\"}", t), sampling, default));

        Assert.Equal(sampling, await Store.GetSamplingRecordAsync("S1", default));
        var coded = await Store.GetSampleAsync("S1", default);
        Assert.DoesNotContain("Acme", coded!.Json, StringComparison.Ordinal);
        Assert.Null(await Store.GetSamplingRecordAsync("S2", default));
    }

    [Fact]
    public async Task Samples_KnownIdWithAnotherSamplingRecord_RefusedAndTheFirstRecordKept()
    {
        var t = Time.GetUtcNow();
        Assert.True(await Store.TryAddSampleAsync(new SampleRecord("S1", "L-1", "{}", t), new SealedSamplingRecord("S1", BvSpec, "Acme", "{}", t), default));
        Assert.False(await Store.TryAddSampleAsync(new SampleRecord("S1", "L-1", "{}", t), new SealedSamplingRecord("S1", BvSpec, "Other", "{}", t), default));
        Assert.Equal("Acme", (await Store.GetSamplingRecordAsync("S1", default))!.Manufacturer);

        // A coded sample registered without a record gets none later through a second registration.
        Assert.True(await Store.TryAddSampleAsync(new SampleRecord("S2", "L-1", "{}", t), default));
        Assert.False(await Store.TryAddSampleAsync(new SampleRecord("S2", "L-1", "{}", t), new SealedSamplingRecord("S2", BvSpec, "Late", "{}", t), default));
        Assert.Null(await Store.GetSamplingRecordAsync("S2", default));
    }

    private async Task AddSampledAsync(string sampleId, string specId, string manufacturer)
    {
        var t = Time.GetUtcNow();
        Assert.True(await Store.TryAddSampleAsync(new SampleRecord(sampleId, "L-1", "{}", t), new SealedSamplingRecord(sampleId, specId, manufacturer, "{}", t), default));
    }
}
