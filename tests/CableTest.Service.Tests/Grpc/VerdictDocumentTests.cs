using System.Text.Json;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Storage.Runs;

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
        Assert.Equal(VerdictDocument.CurrentEvidenceVersion, back.EvidenceVersion);
        back.Sequence = 0;
        back.ContentSha256 = "";
        back.EvidenceJson = "";
        back.EvidenceVersion = 0;
        Assert.Equal(original, back);
    }

    [Fact]
    public void FromStored_DocumentWrittenBeforeEvidenceVersion_ServesAsHashedAndReserialisesToTheSameBytes()
    {
        // A version-0 document: what main wrote before issue 12 (no evidence_version, no window or budget fields).
        var legacy = VerdictSeeds.Make(4);
        var json = VerdictDocument.ToEvidenceJson(legacy);
        Assert.DoesNotContain("evidenceVersion", json, StringComparison.Ordinal);
        var stored = Store(VerdictDocument.ToNewVerdict(legacy), sequence: 4) with { EvidenceJson = json, ContentSha256 = VerdictHashing.ContentHash(json) };

        var served = VerdictDocument.FromStored(stored);

        Assert.Equal(0U, served.EvidenceVersion);
        Assert.Equal(json, VerdictDocument.ToEvidenceJson(served));
        Assert.Equal(VerdictHashing.ContentHash(json), served.ContentSha256);
    }

    [Fact]
    public void FromStored_TheMessageIsTheHashedDocument_FieldForField_To100ns()
    {
        var original = VerdictSeeds.Make(7);
        original.EvaluatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(VerdictSeeds.Epoch.AddTicks(1_234_567));
        var stored = Store(VerdictDocument.ToNewVerdict(original), sequence: 7) with { PreviousSha256 = "p", ChainSha256 = "c" };

        var served = VerdictDocument.FromStored(stored);

        Assert.Equal(original.EvaluatedAt, served.EvaluatedAt);
        Assert.Equal(123_456_700, served.EvaluatedAt.Nanos);
        Assert.Equal("c", served.ChainSha256);
        Assert.Equal(stored.EvidenceJson, VerdictDocument.ToEvidenceJson(served));
    }

    [Theory]
    [InlineData("outcome")]
    [InlineData("sample_id")]
    [InlineData("lims_order")]
    [InlineData("run_id")]
    [InlineData("evaluated_at_ms")]
    public void FromStored_IndexColumnDisagreesWithTheDocument_Throws(string column)
    {
        var stored = Store(VerdictDocument.ToNewVerdict(VerdictSeeds.Make(1)), sequence: 1);
        var edited = column switch
        {
            "outcome" => stored with { Outcome = "fail" },
            "sample_id" => stored with { SampleId = "S-9" },
            "lims_order" => stored with { LimsOrder = "LO-9" },
            "run_id" => stored with { RunId = "R-9" },
            _ => stored with { EvaluatedAt = stored.EvaluatedAt.AddMilliseconds(1) },
        };

        var e = Assert.Throws<VerdictIntegrityException>(() => VerdictDocument.FromStored(edited));
        Assert.Equal(1, e.Sequence);
        Assert.Contains(column, e.Detail, StringComparison.Ordinal);
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
