using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CableTest.Storage.Evidence;

/// <summary>
/// The chain hash at one sequence, signed by the bench when its chain check verified the chain up to there: the same
/// signed text as an evidence bundle's checkpoint (<see cref="EvidenceBundleWriter.CheckpointText"/>). Kept outside the
/// store (DataDirectory/verdict-anchors.jsonl, served at /evidence/anchors), an anchor catches what the chain alone cannot:
/// records rewritten with every hash recomputed after the anchor was signed.
/// </summary>
public sealed record ChainAnchor(
    [property: JsonPropertyName("bench_id")] string BenchId,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("chain_sha256")] string ChainSha256,
    [property: JsonPropertyName("signed_at")] string SignedAt,
    [property: JsonPropertyName("key_id")] string KeyId,
    [property: JsonPropertyName("signature")] string Signature)
{
    /// <summary>Signs the chain hash <paramref name="chainSha256"/> at <paramref name="sequence"/> with the bench's key.</summary>
    public static ChainAnchor Sign(BenchSigningKey key, string benchId, long sequence, string chainSha256, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signedAt = now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var signature = key.Sign(Encoding.UTF8.GetBytes(EvidenceBundleWriter.CheckpointText(benchId, sequence, chainSha256, signedAt)));
        return new ChainAnchor(benchId, sequence, chainSha256, signedAt, key.KeyId, Convert.ToBase64String(signature));
    }

    /// <summary>Whether the signature is the bench's (<paramref name="publicKey"/>) over this anchor's fields.</summary>
    public bool VerifiesWith(ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var signature = new byte[64];
        return Convert.TryFromBase64String(Signature, signature, out var length) && length == 64
            && publicKey.VerifyData(Encoding.UTF8.GetBytes(EvidenceBundleWriter.CheckpointText(BenchId, Sequence, ChainSha256, SignedAt)),
                signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>One line of the anchors file.</summary>
    public string ToLine() => JsonSerializer.Serialize(this);

    /// <summary>The anchor on <paramref name="line"/>, or null when the line is not one (torn or edited).</summary>
    public static ChainAnchor? FromLine(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<ChainAnchor>(line) is { BenchId: not null, ChainSha256: not null, SignedAt: not null, KeyId: not null, Signature: not null } anchor
                ? anchor
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
