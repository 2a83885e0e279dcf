using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CableTest.Storage.Evidence;

/// <summary>
/// Writes a run's evidence bundle: a zip of the verdict, readings, recording, calibration references, the chain segment
/// from the verdict to the head, the head signed by the bench (the checkpoint), the public key, and a manifest of every
/// member's SHA-256 whose own hash the bench signs. <see cref="EvidenceBundleVerifier"/> checks it offline.
/// </summary>
public static class EvidenceBundleWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text a checkpoint's signature covers (UTF-8).</summary>
    public static string CheckpointText(string benchId, long sequence, string chainSha256, string signedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{EvidenceMembers.CheckpointFormat}\n{benchId}\n{sequence}\n{chainSha256}\n{signedAt}");

    /// <summary>
    /// The lines of manifest.sig the signature covers, byte for byte; the file is these and "signature: BASE64\n", nothing
    /// else, so that any changed byte of it fails the signature or the form.
    /// </summary>
    public static string ManifestSignatureText(string manifestSha256, string keyId) =>
        $"{EvidenceMembers.ManifestSignatureFormat}\nmanifest_sha256: {manifestSha256}\nkey_id: {keyId}\n";

    /// <summary>Writes the bundle of <paramref name="content"/> to <paramref name="output"/>, signed with <paramref name="key"/> at <paramref name="now"/>.</summary>
    public static void Write(Stream output, EvidenceBundleContent content, BenchSigningKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(key);
        if (content.Chain.Count == 0)
        {
            throw new ArgumentException("the chain segment needs at least the verdict's record", nameof(content));
        }

        var signedAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var head = content.Chain[^1];
        var members = new List<(string Name, byte[] Bytes)>
        {
            (EvidenceMembers.Verdict, Encoding.UTF8.GetBytes(content.VerdictJson)),
            (EvidenceMembers.Readings, Readings(content)),
        };
        if (content.Recording is { } recording)
        {
            members.Add((EvidenceMembers.Recording, recording));
        }

        members.Add((EvidenceMembers.Calibration, Encoding.UTF8.GetBytes(content.CalibrationJson)));
        members.Add((EvidenceMembers.Chain, Json(new JsonObject
        {
            ["records"] = new JsonArray([.. content.Chain.Select(r => (JsonNode)new JsonObject
            {
                ["sequence"] = r.Sequence,
                ["verdict_id"] = r.VerdictId,
                ["content_sha256"] = r.ContentSha256,
                ["previous_sha256"] = r.PreviousSha256,
                ["chain_sha256"] = r.ChainSha256,
            })]),
        })));
        var signature = key.Sign(Encoding.UTF8.GetBytes(CheckpointText(content.BenchId, head.Sequence, head.ChainSha256, signedAt)));
        members.Add((EvidenceMembers.Checkpoint, Json(new JsonObject
        {
            ["format"] = EvidenceMembers.CheckpointFormat,
            ["bench_id"] = content.BenchId,
            ["sequence"] = head.Sequence,
            ["chain_sha256"] = head.ChainSha256,
            ["signed_at"] = signedAt,
            ["key_id"] = key.KeyId,
            ["algorithm"] = "ECDSA P-256 SHA-256, IEEE P1363 signature",
            ["signature"] = Convert.ToBase64String(signature),
        })));
        members.Add((EvidenceMembers.PublicKey, Encoding.ASCII.GetBytes(key.PublicKeyPem)));

        var manifest = Json(new JsonObject
        {
            ["format"] = EvidenceMembers.Format,
            ["run_id"] = content.RunId,
            ["bench_id"] = content.BenchId,
            ["created_at"] = signedAt,
            ["key_id"] = key.KeyId,
            ["members"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject
            {
                ["name"] = m.Name,
                ["bytes"] = m.Bytes.Length,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(m.Bytes)),
            })]),
        });
        var signed = ManifestSignatureText(Convert.ToHexStringLower(SHA256.HashData(manifest)), key.KeyId);
        var manifestSignature = Encoding.ASCII.GetBytes(signed + "signature: " + Convert.ToBase64String(key.Sign(Encoding.ASCII.GetBytes(signed))) + "\n");

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, bytes) in members.Prepend((EvidenceMembers.ManifestSignature, manifestSignature)).Prepend((EvidenceMembers.Manifest, manifest)))
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = now;
            using var stream = entry.Open();
            stream.Write(bytes);
        }
    }

    private static byte[] Readings(EvidenceBundleContent content)
    {
        var text = new StringBuilder();
        foreach (var r in content.Readings)
        {
            // The store keeps one row per quantity, "READING_ID/quantity"; the verdict cites READING_ID.
            var suffix = "/" + r.Quantity;
            text.Append(new JsonObject
            {
                ["reading_id"] = r.ReadingId.EndsWith(suffix, StringComparison.Ordinal) ? r.ReadingId[..^suffix.Length] : r.ReadingId,
                ["step_id"] = r.StepId,
                ["core"] = r.Core,
                ["instrument_id"] = r.InstrumentId,
                ["quantity"] = r.Quantity,
                ["value"] = r.Value,
                ["time_unix_ns"] = r.TimeUnixNs,
                ["step_time_s"] = r.StepTimeS,
            }.ToJsonString()).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Json(JsonObject node) => Encoding.UTF8.GetBytes(node.ToJsonString(Indented) + "\n");
}
