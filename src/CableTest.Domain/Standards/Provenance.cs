namespace CableTest.Domain.Standards;

/// <summary>
/// Where a number in the catalogue comes from: its tag (V2, V1, D, M or a combination such as
/// "M+D") and the source ids of its data file. A row is verified when a public source backs it
/// (V1 or V2 present) or it is derived (D alone); a row whose evidence is memory (M, M+D) is not.
/// </summary>
public sealed record Provenance(string Tag, IReadOnlyList<string> SourceIds)
{
    private static readonly string[] KnownParts = ["V2", "V1", "D", "M"];

    /// <summary>False for rows tagged M (from memory of the standard, not confirmed by a public copy).</summary>
    public bool Verified
    {
        get
        {
            var parts = Tag.Split('+');
            return parts.Contains("V1") || parts.Contains("V2") || (parts.Length == 1 && parts[0] == "D");
        }
    }

    /// <summary>e.g. "V2 [S1][S3]".</summary>
    public string Describe() => SourceIds.Count == 0 ? Tag : $"{Tag} [{string.Join("][", SourceIds)}]";

    /// <summary>True when every '+'-separated part of <paramref name="tag"/> is V2, V1, D or M.</summary>
    public static bool IsValidTag(string tag) =>
        !string.IsNullOrEmpty(tag) && tag.Split('+').All(p => KnownParts.Contains(p));
}
