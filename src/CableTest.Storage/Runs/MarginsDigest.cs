using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CableTest.Storage.Runs;

/// <summary>
/// SHA-256 over verdict_margins rows in sequence order, one canonical line each. A checkpoint keeps it for the rows up
/// to its sequence, so a walk resumed there can tell, by reading the short rows alone, that none of them was edited
/// since they were checked against their evidence; when it differs, the walk starts over and names the row.
/// </summary>
internal sealed class MarginsDigest : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Add(StoredMargins row) => hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"{row.Sequence}\n{row.SampleId}\n{row.Outcome}\n{row.EvaluatedAtMs}\n{row.ConductorR20Ratio:R}\n{row.InsulationRatio:R}\n")));

    /// <summary>The digest of the rows added so far (lower-case hex); adding may go on after.</summary>
    public string Current() => Convert.ToHexStringLower(hash.GetCurrentHash());

    public void Dispose() => hash.Dispose();
}
