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

    [Fact]
    public async Task SampledVerdicts_JoinedWithManufacturerAndSpec_FilteredAndPaged()
    {
        var t = Time.GetUtcNow();
        await AddSampledAsync("S1", BvSpec, "Acme");
        await AddSampledAsync("S2", BvSpec, "Thin Wire Ltd");
        await AddSampledAsync("S3", RvSpec, "Acme");
        Assert.True(await Store.TryAddSampleAsync(new SampleRecord("S4", "L-1", "{}", t), default)); // coded only: no record, not listed
        foreach (var (id, sample) in new[] { ("v1", "S1"), ("v2", "S2"), ("v3", "S4"), ("v4", "S3"), ("v5", "S1") })
        {
            await Store.AppendVerdictAsync(Verdict(id, sample), default);
        }

        var all = await Store.ListSampledVerdictsAsync(new SampledVerdictQuery(), default);
        Assert.Equal(["v1", "v2", "v4", "v5"], all.Verdicts.Select(v => v.Verdict.VerdictId));
        Assert.Equal([("Acme", BvSpec), ("Thin Wire Ltd", BvSpec), ("Acme", RvSpec), ("Acme", BvSpec)], all.Verdicts.Select(v => (v.Manufacturer, v.SpecId)));
        Assert.Null(all.NextAfterSequence);

        var acme = await Store.ListSampledVerdictsAsync(new SampledVerdictQuery { Manufacturer = "Acme" }, default);
        Assert.Equal(["v1", "v4", "v5"], acme.Verdicts.Select(v => v.Verdict.VerdictId));
        var acmeBv = await Store.ListSampledVerdictsAsync(new SampledVerdictQuery { Manufacturer = "Acme", SpecId = BvSpec }, default);
        Assert.Equal(["v1", "v5"], acmeBv.Verdicts.Select(v => v.Verdict.VerdictId));

        var first = await Store.ListSampledVerdictsAsync(new SampledVerdictQuery { PageSize = 2 }, default);
        Assert.Equal(["v1", "v2"], first.Verdicts.Select(v => v.Verdict.VerdictId));
        var second = await Store.ListSampledVerdictsAsync(new SampledVerdictQuery { PageSize = 2, AfterSequence = first.NextAfterSequence!.Value }, default);
        Assert.Equal(["v4", "v5"], second.Verdicts.Select(v => v.Verdict.VerdictId));
        Assert.Null(second.NextAfterSequence);
    }

    [Fact]
    public async Task SampledVerdicts_AlteredEvidence_Refused()
    {
        await AddSampledAsync("S1", BvSpec, "Acme");
        await Store.AppendVerdictAsync(Verdict("v1", "S1"), default);
        await ExecuteSqlAsync("UPDATE verdicts SET outcome = 'fail' WHERE sequence = 1");

        var e = await Assert.ThrowsAsync<VerdictIntegrityException>(() => Store.ListSampledVerdictsAsync(new SampledVerdictQuery(), default));
        Assert.Equal(1, e.Sequence);
    }

    private async Task AddSampledAsync(string sampleId, string specId, string manufacturer)
    {
        var t = Time.GetUtcNow();
        Assert.True(await Store.TryAddSampleAsync(new SampleRecord(sampleId, "L-1", "{}", t), new SealedSamplingRecord(sampleId, specId, manufacturer, "{}", t), default));
    }
}
