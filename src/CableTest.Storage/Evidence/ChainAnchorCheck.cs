using System.Security.Cryptography;
using CableTest.Storage.Runs;

namespace CableTest.Storage.Evidence;

/// <summary>Checks signed chain anchors against a run store: each must carry the bench's signature and name the chain hash the store holds at its sequence.</summary>
public static class ChainAnchorCheck
{
    /// <summary>What is wrong with <paramref name="anchor"/> against <paramref name="store"/>, or null when it holds.</summary>
    public static async Task<string?> ProblemAsync(IRunStore store, ChainAnchor anchor, ECDsa publicKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(anchor);
        if (!anchor.VerifiesWith(publicKey))
        {
            return $"the anchor of sequence {anchor.Sequence} signed at {anchor.SignedAt} does not carry the bench's signature (key {anchor.KeyId}): the anchors file was edited or another key signed it";
        }

        IReadOnlyList<StoredVerdict> records;
        try
        {
            records = await store.ReadVerdictsAfterAsync(anchor.Sequence - 1, 1, cancellationToken).ConfigureAwait(false);
        }
        catch (VerdictIntegrityException e)
        {
            return $"the record at sequence {e.Sequence} does not match its hashes ({e.Detail})";
        }

        if (records is not [{ } record] || record.Sequence != anchor.Sequence)
        {
            return $"the store has no record at sequence {anchor.Sequence}, which the bench signed at {anchor.SignedAt}: records were deleted";
        }

        return string.Equals(record.ChainSha256, anchor.ChainSha256, StringComparison.Ordinal)
            ? null
            : $"the chain hash at sequence {anchor.Sequence} is not the one the bench signed at {anchor.SignedAt} (store {Short(record.ChainSha256)}, signed {Short(anchor.ChainSha256)}): records up to it were rewritten with their hashes recomputed";
    }

    /// <summary>The P-256 public key in <paramref name="pem"/> (a PUBLIC KEY, or the bench's PRIVATE KEY file, whose public half is used).</summary>
    public static ECDsa PublicKeyFromPem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256)
            {
                throw new CryptographicException($"a P-256 key is needed, this one has {key.KeySize} bits");
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static string Short(string sha256) => sha256.Length > 16 ? sha256[..16] + "…" : sha256;
}
