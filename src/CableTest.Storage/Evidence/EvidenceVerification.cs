namespace CableTest.Storage.Evidence;

/// <summary>What checking a bundle found: problems (none: intact), what was checked, and the key that signed it.</summary>
public sealed record EvidenceVerification(IReadOnlyList<EvidenceProblem> Problems, IReadOnlyList<string> Checked, string KeyId, string RunId)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool Intact => Problems.Count == 0;
}
