using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CableTest.Storage.Runs;

/// <summary>
/// The index columns of a verdict record (verdict_id, run_id, sample_id, lims_order, outcome,
/// standards, evaluated_at_ms) are copies of what its evidence document states: the document is a
/// cabletest.v1.Verdict in proto3 JSON (keys verdictId, runId, sampleId, limsOrder, outcome,
/// evaluatedAt, tests[].reference.standard; a key left out holds its default). The content hash
/// covers the document, so a column that disagrees with it was edited. Read and checked with
/// <see cref="Utf8JsonReader"/> in one pass, without building a tree.
/// </summary>
internal static class VerdictEvidenceIndex
{
    /// <summary>The first index column of <paramref name="record"/> that differs from its evidence, or null.</summary>
    public static string? Mismatch(StoredVerdict record)
    {
        Index index;
        try
        {
            index = Read(Encoding.UTF8.GetBytes(record.EvidenceJson));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return "its evidence document is not a verdict in JSON";
        }

        return !Equal(index.VerdictId, record.VerdictId) ? Differs("verdict_id", record.VerdictId, index.VerdictId)
            : !Equal(index.RunId, record.RunId) ? Differs("run_id", record.RunId, index.RunId)
            : !Equal(index.SampleId, record.SampleId) ? Differs("sample_id", record.SampleId, index.SampleId)
            : !Equal(index.LimsOrder, record.LimsOrder) ? Differs("lims_order", record.LimsOrder, index.LimsOrder)
            : !Equal(OutcomeWireName(index.Outcome), record.Outcome) ? Differs("outcome", record.Outcome, OutcomeWireName(index.Outcome))
            : !Equal(string.Join('\n', index.Standards), string.Join('\n', record.Standards)) ? Differs("standards", string.Join("; ", record.Standards), string.Join("; ", index.Standards))
            : index.EvaluatedAtMs != record.EvaluatedAt.ToUnixTimeMilliseconds()
                ? Differs("evaluated_at_ms", record.EvaluatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), index.EvaluatedAtMs?.ToString(CultureInfo.InvariantCulture) ?? "(none)")
            : null;
    }

    private static bool Equal(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    private static string Differs(string column, string stored, string hashed) =>
        $"column {column} is '{Bounded(stored)}' but the hashed evidence says '{Bounded(hashed)}' (index column edited)";

    private static string Bounded(string value) => value.Length <= 64 ? value : value[..64] + "...";

    /// <summary>"OUTCOME_CONDITIONAL_PASS" → "conditional_pass"; unset, unspecified or a number → "incomplete" (as the store is told).</summary>
    private static string OutcomeWireName(string? protoName) =>
        protoName is null or "OUTCOME_UNSPECIFIED" || !protoName.StartsWith("OUTCOME_", StringComparison.Ordinal)
            ? "incomplete"
            : protoName["OUTCOME_".Length..].ToLowerInvariant();

    private sealed class Index
    {
        public string VerdictId { get; set; } = "";

        public string RunId { get; set; } = "";

        public string SampleId { get; set; } = "";

        public string LimsOrder { get; set; } = "";

        public string? Outcome { get; set; }

        public long? EvaluatedAtMs { get; set; }

        public List<string> Standards { get; } = [];
    }

    private static Index Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var index = new Index();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("not an object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "verdictId": index.VerdictId = reader.GetString() ?? ""; break;
                case "runId": index.RunId = reader.GetString() ?? ""; break;
                case "sampleId": index.SampleId = reader.GetString() ?? ""; break;
                case "limsOrder": index.LimsOrder = reader.GetString() ?? ""; break;
                case "outcome": index.Outcome = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; break;
                case "evaluatedAt": index.EvaluatedAtMs = TimestampMs(reader.GetString() ?? ""); break;
                case "tests": ReadStandards(ref reader, index.Standards); break;
                default: reader.Skip(); break;
            }
        }

        return index;
    }

    /// <summary>tests[].reference.standard, distinct and non-empty, in first-seen order.</summary>
    private static void ReadStandards(ref Utf8JsonReader reader, List<string> standards)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isReference = reader.ValueTextEquals("reference"u8);
                reader.Read();
                if (!isReference || reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isStandard = reader.ValueTextEquals("standard"u8);
                    reader.Read();
                    if (isStandard && reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } standard && !standards.Contains(standard, StringComparer.Ordinal))
                    {
                        standards.Add(standard);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }
    }

    /// <summary>Milliseconds since the Unix epoch of a proto3 JSON timestamp ("2026-03-01T08:04:00.1234567Z"), truncated as the column is.</summary>
    private static long TimestampMs(string text)
    {
        if (text.Length < 20 || text[^1] != 'Z')
        {
            throw new FormatException("not a proto3 JSON timestamp");
        }

        var seconds = DateTimeOffset.ParseExact(text[..19], "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var fraction = text.Length > 20 && text[19] == '.' ? text[20..^1] : "";
        var ms = fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(3, '0')[..3], NumberStyles.None, CultureInfo.InvariantCulture);
        return seconds.ToUnixTimeMilliseconds() + ms;
    }
}
