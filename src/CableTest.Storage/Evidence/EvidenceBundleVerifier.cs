using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CableTest.Storage.Runs;

namespace CableTest.Storage.Evidence;

/// <summary>
/// Checks an evidence bundle offline, naming the member at fault: the manifest's signature, every member's SHA-256
/// against the manifest, the verdict's content hash and chain hash, the chain segment's links up to the checkpoint, the
/// checkpoint's signature, and that every reading the verdict cites is in the readings. The order matters: the manifest
/// and the key are settled first, so a changed byte is named where it is, not where it shows.
/// </summary>
public static partial class EvidenceBundleVerifier
{
    /// <summary>Checks the bundle in <paramref name="zip"/>.</summary>
    public static EvidenceVerification Verify(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var problems = new List<EvidenceProblem>();
        var done = new List<string>();
        Dictionary<string, byte[]> members;
        try
        {
            members = ReadMembers(zip, problems);
        }
        catch (InvalidDataException e)
        {
            return new([new EvidenceProblem("(bundle)", "not a zip archive: " + e.Message)], [], "", "");
        }

        var key = Settle(members, problems, done, out var manifest);
        if (manifest is null)
        {
            return new(problems, done, key?.Id ?? "", "");
        }

        CheckMembers(members, manifest, problems, done);
        if (key is not null && problems.Count == 0)
        {
            CheckContent(members, key.Value.Key, problems, done);
        }

        key?.Key.Dispose();
        return new(problems, done, key?.Id ?? "", manifest.RunId);
    }

    private static Dictionary<string, byte[]> ReadMembers(Stream zip, List<EvidenceProblem> problems)
    {
        var members = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in archive.Entries)
        {
            try
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                members[entry.FullName] = buffer.ToArray();
            }
            catch (InvalidDataException e)
            {
                problems.Add(new EvidenceProblem(entry.FullName, "unreadable in the archive (changed or damaged): " + e.Message));
            }
        }

        return members;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static bool TryBase64(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static ECDsa? ImportKey(byte[]? pem)
    {
        if (pem is null)
        {
            return null;
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(Encoding.ASCII.GetString(pem));
            if (key.KeySize == 256)
            {
                return key;
            }
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            // Not a P-256 public key: the caller names the member.
        }

        key.Dispose();
        return null;
    }

    private static bool Verifies(ECDsa key, byte[] data, byte[] signature) =>
        signature.Length == 64 && key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    private static JsonDocument? Parse(byte[] bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n
            : v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s
            : null
            : null;

    /// <summary>Recomputes a chain hash (as the store does).</summary>
    private static string Chain(string previous, long sequence, string verdictId, string content) => VerdictHashing.ChainHash(previous, sequence, verdictId, content);
}
