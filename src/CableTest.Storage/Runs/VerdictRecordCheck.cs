namespace CableTest.Storage.Runs;

/// <summary>
/// Checks one verdict record against itself, without its neighbours: the evidence against its
/// content hash, the chain hash against the record's own link, sequence, id and content hash, and the
/// index columns against the evidence. What it cannot see alone (a missing or reordered record, a
/// forged link) the chain walk finds.
/// </summary>
internal static class VerdictRecordCheck
{
    private const int MaxRemembered = 50_000;

    /// <summary>Index values already read from a document, by its content hash (the JSON pass is most of a check's cost).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IndexValues> Remembered = new(StringComparer.Ordinal);

    public static string? Problem(StoredVerdict record)
    {
        if (!string.Equals(VerdictHashing.ContentHash(record.EvidenceJson), record.ContentSha256, StringComparison.Ordinal))
        {
            return "its evidence does not match its content hash (evidence altered)";
        }

        if (!string.Equals(VerdictHashing.ChainHash(record.PreviousSha256, record.Sequence, record.VerdictId, record.ContentSha256), record.ChainSha256, StringComparison.Ordinal))
        {
            return "its chain hash does not match (record altered)";
        }

        var values = IndexValues.Of(record);
        if (Remembered.TryGetValue(record.ContentSha256, out var known) && known == values)
        {
            return null;
        }

        var mismatch = VerdictEvidenceIndex.Mismatch(record);
        if (mismatch is null)
        {
            if (Remembered.Count >= MaxRemembered)
            {
                Remembered.Clear();
            }

            Remembered[record.ContentSha256] = values;
        }

        return mismatch;
    }

    private readonly record struct IndexValues(string VerdictId, string RunId, string SampleId, string LimsOrder, string Outcome, string Standards, long EvaluatedAtMs)
    {
        public static IndexValues Of(StoredVerdict r) =>
            new(r.VerdictId, r.RunId, r.SampleId, r.LimsOrder, r.Outcome, string.Join('\n', r.Standards), r.EvaluatedAt.ToUnixTimeMilliseconds());
    }
}
