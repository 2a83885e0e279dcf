using System.Text.Json;
using System.Text.Json.Nodes;
using CableTest.Storage.Runs;
using Google.Protobuf;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// The evidence document a verdict's content hash covers: the cabletest.v1.Verdict in proto3 JSON
/// with every key sorted (objects at every depth), without the fields the feed assigns (sequence,
/// content and chain hashes, the document itself). Stored as <see cref="NewVerdict.EvidenceJson"/>;
/// read back, it yields the full verdict with evidence.
/// </summary>
public static class VerdictDocument
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The canonical evidence JSON of <paramref name="verdict"/>.</summary>
    public static string ToEvidenceJson(V1.Verdict verdict)
    {
        var copy = verdict.Clone();
        copy.Sequence = 0;
        copy.ContentSha256 = "";
        copy.PreviousSha256 = "";
        copy.EvidenceJson = "";
        var node = JsonNode.Parse(Formatter.Format(copy))!;
        return Sorted(node)!.ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>What to append to the store for <paramref name="verdict"/> (its ids, outcome, standards and evidence).</summary>
    public static NewVerdict ToNewVerdict(V1.Verdict verdict) => new(
        verdict.VerdictId,
        verdict.RunId,
        verdict.SampleId,
        verdict.LimsOrder,
        verdict.Outcome.ToWireName() ?? "incomplete",
        verdict.Tests.Select(t => t.Reference?.Standard).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
        verdict.EvaluatedAt?.ToDateTimeOffset() ?? throw new ArgumentException("a verdict needs evaluated_at", nameof(verdict)),
        ToEvidenceJson(verdict));

    /// <summary>
    /// The stored verdict as the API returns it: the evidence document's content, with the feed's
    /// sequence and hashes and the store's index columns (which win where they differ).
    /// </summary>
    public static V1.Verdict FromStored(StoredVerdict stored)
    {
        V1.Verdict verdict;
        try
        {
            verdict = Parser.Parse<V1.Verdict>(stored.EvidenceJson);
        }
        catch (InvalidProtocolBufferException)
        {
            // Evidence written in another shape: the index columns and the raw document still say it all.
            verdict = new V1.Verdict();
        }
        catch (InvalidJsonException)
        {
            verdict = new V1.Verdict();
        }

        verdict.VerdictId = stored.VerdictId;
        verdict.Sequence = (ulong)stored.Sequence;
        verdict.RunId = stored.RunId;
        verdict.SampleId = stored.SampleId;
        verdict.LimsOrder = stored.LimsOrder;
        verdict.Outcome = ProtoEnums.OutcomeFromWireName(stored.Outcome);
        verdict.EvaluatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(stored.EvaluatedAt);
        verdict.ContentSha256 = stored.ContentSha256;
        verdict.PreviousSha256 = stored.PreviousSha256;
        verdict.EvidenceJson = stored.EvidenceJson;
        return verdict;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
