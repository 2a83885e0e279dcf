using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CableTest.Storage.Runs;

/// <summary>The content hash and chain hash of verdict records (documented in docs/storage.md).</summary>
public static class VerdictHashing
{
    /// <summary>SHA-256 (lower-case hex) of the evidence document's UTF-8 bytes.</summary>
    public static string ContentHash(string evidenceJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(evidenceJson)));

    /// <summary>SHA-256 of "previous\nsequence\nverdictId\ncontent": each record seals the one before.</summary>
    public static string ChainHash(string previousChain, long sequence, string verdictId, string contentHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{previousChain}\n{sequence}\n{verdictId}\n{contentHash}"))));
}
