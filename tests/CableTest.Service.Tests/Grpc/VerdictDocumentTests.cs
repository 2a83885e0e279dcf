using System.Text.Json;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Hosting;
using CableTest.Storage.Runs;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Tests.Grpc;

public sealed class VerdictDocumentTests
{
    [Fact]
    public void ToNewVerdict_FromStored_RoundTripsEveryEvidenceField()
    {
        var original = VerdictSeeds.Make(7);
        var stored = Store(VerdictDocument.ToNewVerdict(original), sequence: 7);

        var back = VerdictDocument.FromStored(stored);

        Assert.Equal(7UL, back.Sequence);
        Assert.Equal(stored.EvidenceJson, back.EvidenceJson);
        back.Sequence = 0;
        back.ContentSha256 = "";
        back.EvidenceJson = "";
        Assert.Equal(original, back);
    }

    [Fact]
    public void ToEvidenceJson_AnyVerdict_KeysSortedAtEveryDepth()
    {
        using var doc = JsonDocument.Parse(VerdictDocument.ToEvidenceJson(VerdictSeeds.Make(3)));
        AssertSorted(doc.RootElement);
    }

    [Fact]
    public void ToNewVerdict_Standards_FromTheTestsReferences()
    {
        var verdict = VerdictDocument.ToNewVerdict(VerdictSeeds.Make(3));
        Assert.Equal(["IEC 60228 / GB/T 3956"], verdict.Standards);
        Assert.Equal("pass", verdict.Outcome);
    }

    [Fact]
    public void Map_SameRecordTwice_SharedMessage_ChangedContent_Reparsed()
    {
        using var cache = new VerdictCache(Options.Create(new GrpcOptions()));
        var stored = Store(VerdictDocument.ToNewVerdict(VerdictSeeds.Make(1)), sequence: 1);
        var first = cache.Map(stored);
        Assert.Same(first, cache.Map(stored));

        var altered = stored with { EvidenceJson = VerdictDocument.ToEvidenceJson(VerdictSeeds.Make(4)), ContentSha256 = "other" };
        var second = cache.Map(altered);
        Assert.NotSame(first, second);
        Assert.Equal("other", second.ContentSha256);
    }

    private static StoredVerdict Store(NewVerdict v, long sequence) => new(
        sequence, v.VerdictId, v.RunId, v.SampleId, v.LimsOrder, v.Outcome, v.Standards, v.EvaluatedAt, v.EvidenceJson,
        VerdictHashing.ContentHash(v.EvidenceJson), "", "");

    private static void AssertSorted(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            var names = e.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            foreach (var p in e.EnumerateObject())
            {
                AssertSorted(p.Value);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                AssertSorted(item);
            }
        }
    }
}
