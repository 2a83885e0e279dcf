using System.Text.Json;
using System.Text.Json.Nodes;
using CableTest.Storage.Runs;
using Google.Protobuf;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// The evidence document a verdict's content hash covers: the cabletest.v1.Verdict in proto3 JSON
/// with every key sorted (objects at every depth), without the fields the feed assigns (sequence,
/// content, previous and chain hashes, the document itself). Stored as <see cref="NewVerdict.EvidenceJson"/>;
/// read back, it is the served verdict: one serialisation, so every field a client receives is
/// either the hashed document's own value or one the chain covers.
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
        copy.ChainSha256 = "";
        copy.EvidenceJson = "";
        var node = JsonNode.Parse(Formatter.Format(copy))!;
        return Sorted(node)!.ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>
    /// The evidence_version new documents are written with: 2 since issue 12 (withstand window, DC alternative,
    /// breakdown and interruption as numbers, uncertainty budgets); 3 since issue 12 item 2 (every conductor and
    /// insulation test names its temperature_source). Documents without it (0) were written before; they verify and
    /// serve unchanged, since new fields only add to the document.
    /// </summary>
    public const uint CurrentEvidenceVersion = 3;

    /// <summary>
    /// What to append to the store for <paramref name="verdict"/> (its ids, outcome, standards and evidence); a
    /// verdict without an evidence_version is written as <see cref="CurrentEvidenceVersion"/>.
    /// </summary>
    public static NewVerdict ToNewVerdict(V1.Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.EvidenceVersion == 0)
        {
            verdict = verdict.Clone();
            verdict.EvidenceVersion = CurrentEvidenceVersion;
        }

        return new(
            verdict.VerdictId,
            verdict.RunId,
            verdict.SampleId,
            verdict.LimsOrder,
            verdict.Outcome.ToWireName() ?? "incomplete",
            verdict.Tests.Select(t => t.Reference?.Standard).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            verdict.EvaluatedAt?.ToDateTimeOffset() ?? throw new ArgumentException("a verdict needs evaluated_at", nameof(verdict)),
            ToEvidenceJson(verdict));
    }

    /// <summary>
    /// The stored verdict as the API returns it: the evidence document as it was hashed (to the last
    /// digit of every timestamp), with the feed's sequence and hashes and the document itself. The
    /// store's index columns are only an index: one that disagrees with the document throws
    /// <see cref="VerdictIntegrityException"/> (the store has checked this already; this is the
    /// last line before a client sees it).
    /// </summary>
    public static V1.Verdict FromStored(StoredVerdict stored)
    {
        V1.Verdict verdict;
        try
        {
            verdict = Parser.Parse<V1.Verdict>(stored.EvidenceJson);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException)
        {
            // Evidence written in another shape: the index columns (checked against it) and the raw document say it all.
            verdict = new V1.Verdict
            {
                VerdictId = stored.VerdictId,
                RunId = stored.RunId,
                SampleId = stored.SampleId,
                LimsOrder = stored.LimsOrder,
                Outcome = ProtoEnums.OutcomeFromWireName(stored.Outcome),
                EvaluatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(stored.EvaluatedAt),
            };
        }

        if (IndexMismatch(verdict, stored) is { } column)
        {
            throw new VerdictIntegrityException(stored.Sequence, $"column {column} disagrees with the hashed evidence (index column edited)");
        }

        verdict.Sequence = (ulong)stored.Sequence;
        verdict.ContentSha256 = stored.ContentSha256;
        verdict.PreviousSha256 = stored.PreviousSha256;
        verdict.ChainSha256 = stored.ChainSha256;
        verdict.EvidenceJson = stored.EvidenceJson;
        return verdict;
    }

    /// <summary>The first index column that differs from the document's value, or null.</summary>
    internal static string? IndexMismatch(V1.Verdict document, StoredVerdict stored) =>
        document.VerdictId != stored.VerdictId ? "verdict_id"
        : document.RunId != stored.RunId ? "run_id"
        : document.SampleId != stored.SampleId ? "sample_id"
        : document.LimsOrder != stored.LimsOrder ? "lims_order"
        : (document.Outcome.ToWireName() ?? "incomplete") != stored.Outcome ? "outcome"
        : document.EvaluatedAt is not { } at || at.ToDateTimeOffset().ToUnixTimeMilliseconds() != stored.EvaluatedAt.ToUnixTimeMilliseconds() ? "evaluated_at_ms"
        : null;

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
