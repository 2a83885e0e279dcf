using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CableTest.Storage.Runs;

namespace CableTest.Storage.Evidence;

public static partial class EvidenceBundleVerifier
{
    private static readonly string[] Required =
        [EvidenceMembers.Verdict, EvidenceMembers.Readings, EvidenceMembers.Calibration, EvidenceMembers.Chain, EvidenceMembers.Checkpoint, EvidenceMembers.PublicKey];

    /// <summary>
    /// Settles the manifest and the key: the manifest's SHA-256 must be the one the bench signed in manifest.sig with
    /// public-key.pem. When the signature does not verify, the one member a single change explains is named.
    /// </summary>
    private static (ECDsa Key, string Id)? Settle(Dictionary<string, byte[]> members, List<EvidenceProblem> problems, List<string> done, out EvidenceManifest? manifest)
    {
        manifest = null;
        var keyPem = members.GetValueOrDefault(EvidenceMembers.PublicKey);
        var key = ImportKey(keyPem);
        var id = key is null ? "" : BenchSigningKey.KeyIdOf(key.ExportSubjectPublicKeyInfo());
        if (!members.TryGetValue(EvidenceMembers.Manifest, out var manifestBytes))
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.Manifest, "missing"));
            return Release(key);
        }

        var (signatureReadable, signedText, signedSha256, signature) = ReadManifestSignature(members.GetValueOrDefault(EvidenceMembers.ManifestSignature));
        var actualSha256 = Sha256(manifestBytes);
        var listed = EvidenceManifest.TryParse(manifestBytes);
        if (key is not null && signatureReadable && Verifies(key, Encoding.ASCII.GetBytes(signedText), signature)
            && signedText == EvidenceBundleWriter.ManifestSignatureText(signedSha256, id))
        {
            if (actualSha256 != signedSha256)
            {
                problems.Add(new EvidenceProblem(EvidenceMembers.Manifest, $"changed: its SHA-256 is {actualSha256}, the bench signed {signedSha256}"));
                return Release(key);
            }

            if (listed is null)
            {
                problems.Add(new EvidenceProblem(EvidenceMembers.Manifest, "signed, but not a " + EvidenceMembers.Format + " manifest"));
                return Release(key);
            }

            manifest = listed;
            done.Add($"{EvidenceMembers.Manifest}: SHA-256 {actualSha256} signed by the bench key {id} ({EvidenceMembers.ManifestSignature})");
            return (key, id);
        }

        // The signature does not verify: the key, the signature or (with the signed hash changed too) the manifest.
        var listedKey = listed?.Members.FirstOrDefault(m => m.Name == EvidenceMembers.PublicKey).Sha256;
        if (keyPem is null)
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.PublicKey, "missing: the signatures cannot be checked"));
        }
        else if (listed is not null && actualSha256 == signedSha256 && listedKey is not null && listedKey != Sha256(keyPem))
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.PublicKey, $"changed: its SHA-256 is {Sha256(keyPem)}, the manifest lists {listedKey}"));
        }
        else if (key is null)
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.PublicKey, "not a P-256 public key (PEM)"));
        }
        else if (!signatureReadable)
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.ManifestSignature, "missing or not the bench's signature document (manifest_sha256, signature)"));
        }
        else
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.ManifestSignature, $"the signature over the manifest's SHA-256 does not verify with {EvidenceMembers.PublicKey} (key {id})"));
        }

        return Release(key);
    }

    /// <summary>manifest.sig in its exact form: three signed lines, then "signature: BASE64" and a line end, nothing else.</summary>
    private static (bool Readable, string SignedText, string ManifestSha256, byte[] Signature) ReadManifestSignature(byte[]? bytes)
    {
        var text = bytes is null ? "" : Encoding.ASCII.GetString(bytes);
        var lines = text.Split('\n');
        if (lines.Length != 5 || lines[4].Length != 0 || lines[0] != EvidenceMembers.ManifestSignatureFormat
            || !lines[1].StartsWith("manifest_sha256: ", StringComparison.Ordinal) || !lines[3].StartsWith("signature: ", StringComparison.Ordinal)
            || !TryBase64(lines[3]["signature: ".Length..], out var signature) || Convert.ToBase64String(signature) != lines[3]["signature: ".Length..])
        {
            return (false, "", "", []);
        }

        return (true, string.Join('\n', lines[..3]) + "\n", lines[1]["manifest_sha256: ".Length..], signature);
    }

    private static (ECDsa Key, string Id)? Release(ECDsa? key)
    {
        key?.Dispose();
        return null;
    }

    /// <summary>Every member against the manifest: present, the size and SHA-256 it lists, nothing unlisted.</summary>
    private static void CheckMembers(Dictionary<string, byte[]> members, EvidenceManifest manifest, List<EvidenceProblem> problems, List<string> done)
    {
        foreach (var name in Required.Where(r => manifest.Members.All(m => m.Name != r)))
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.Manifest, $"does not list {name}"));
        }

        foreach (var (name, bytes, sha256) in manifest.Members)
        {
            if (!members.TryGetValue(name, out var content))
            {
                if (!problems.Any(p => p.Member == name))
                {
                    problems.Add(new EvidenceProblem(name, "missing"));
                }

                continue;
            }

            var actual = Sha256(content);
            if (actual != sha256 || content.Length != bytes)
            {
                problems.Add(new EvidenceProblem(name, $"changed: SHA-256 {actual} ({content.Length} bytes), the manifest lists {sha256} ({bytes} bytes)"));
            }
            else
            {
                done.Add($"{name}: SHA-256 {actual} as listed");
            }
        }

        foreach (var name in members.Keys.Where(n => n is not EvidenceMembers.Manifest and not EvidenceMembers.ManifestSignature && manifest.Members.All(m => m.Name != n)))
        {
            problems.Add(new EvidenceProblem(name, "not in the manifest (added)"));
        }
    }

    /// <summary>What the members say: the verdict's hashes, the chain segment up to the checkpoint, the checkpoint's signature, the cited readings.</summary>
    private static void CheckContent(Dictionary<string, byte[]> members, ECDsa key, List<EvidenceProblem> problems, List<string> done)
    {
        using var verdictDoc = Parse(members[EvidenceMembers.Verdict]);
        using var chainDoc = Parse(members[EvidenceMembers.Chain]);
        using var checkpointDoc = Parse(members[EvidenceMembers.Checkpoint]);
        if (verdictDoc is null || chainDoc is null || checkpointDoc is null)
        {
            var bad = verdictDoc is null ? EvidenceMembers.Verdict : chainDoc is null ? EvidenceMembers.Chain : EvidenceMembers.Checkpoint;
            problems.Add(new EvidenceProblem(bad, "not JSON"));
            return;
        }

        var v = verdictDoc.RootElement;
        var evidence = Text(v, "evidenceJson") ?? "";
        var content = Text(v, "contentSha256") ?? "";
        var previous = Text(v, "previousSha256") ?? "";
        var chain = Text(v, "chainSha256") ?? "";
        var verdictId = Text(v, "verdictId") ?? "";
        var sequence = Number(v, "sequence") ?? -1;
        if (VerdictHashing.ContentHash(evidence) != content)
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.Verdict, "content_sha256 is not the SHA-256 of evidence_json"));
        }
        else if (Chain(previous, sequence, verdictId, content) != chain)
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.Verdict, $"chain_sha256 is not SHA-256(previous, sequence {sequence}, verdict id, content hash)"));
        }
        else
        {
            done.Add($"{EvidenceMembers.Verdict}: content hash and chain hash of verdict {verdictId} (sequence {sequence}) recomputed");
        }

        if (!chainDoc.RootElement.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array || records.GetArrayLength() == 0)
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.Chain, "no records"));
            return;
        }

        var first = records[0];
        if (Number(first, "sequence") != sequence || Text(first, "verdict_id") != verdictId || Text(first, "content_sha256") != content
            || Text(first, "previous_sha256") != previous || Text(first, "chain_sha256") != chain)
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.Chain, "its first record is not the verdict's"));
            return;
        }

        var link = previous;
        var expected = sequence;
        foreach (var r in records.EnumerateArray())
        {
            var s = Number(r, "sequence");
            var recomputed = Chain(link, s ?? -1, Text(r, "verdict_id") ?? "", Text(r, "content_sha256") ?? "");
            if (s != expected || Text(r, "previous_sha256") != link || Text(r, "chain_sha256") != recomputed)
            {
                problems.Add(new EvidenceProblem(EvidenceMembers.Chain, $"record {s} does not link to the one before it (expected sequence {expected})"));
                return;
            }

            link = recomputed;
            expected++;
        }

        done.Add($"{EvidenceMembers.Chain}: {records.GetArrayLength()} records linked from sequence {sequence} to {expected - 1}");
        var cp = checkpointDoc.RootElement;
        var cpSequence = Number(cp, "sequence");
        var cpChain = Text(cp, "chain_sha256");
        if (cpSequence != expected - 1 || cpChain != link)
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.Checkpoint, $"signs sequence {cpSequence}, not the segment's head {expected - 1} ({link})"));
            return;
        }

        var text = EvidenceBundleWriter.CheckpointText(Text(cp, "bench_id") ?? "", cpSequence.Value, cpChain, Text(cp, "signed_at") ?? "");
        if (!TryBase64(Text(cp, "signature"), out var signature) || !Verifies(key, Encoding.UTF8.GetBytes(text), signature))
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.Checkpoint, "the bench's signature over the chain head does not verify"));
            return;
        }

        done.Add($"{EvidenceMembers.Checkpoint}: chain head {cpSequence} signed by bench {Text(cp, "bench_id")} at {Text(cp, "signed_at")}");
        CheckReadings(v, members[EvidenceMembers.Readings], problems, done);
    }

    private static void CheckReadings(JsonElement verdict, byte[] readings, List<EvidenceProblem> problems, List<string> done)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(readings).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = Parse(Encoding.UTF8.GetBytes(line));
            if (doc is null || Text(doc.RootElement, "reading_id") is not { } id)
            {
                problems.Add(new EvidenceProblem(EvidenceMembers.Readings, "a line is not a reading"));
                return;
            }

            ids.Add(id);
        }

        var cited = verdict.TryGetProperty("tests", out var tests) && tests.ValueKind == JsonValueKind.Array
            ? tests.EnumerateArray().Where(t => t.TryGetProperty("readingIds", out _)).SelectMany(t => t.GetProperty("readingIds").EnumerateArray()).Select(i => i.GetString() ?? "").ToList()
            : [];
        var missing = cited.Where(c => !ids.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new EvidenceProblem(EvidenceMembers.Readings, $"{missing.Count} reading(s) the verdict cites are not there, e.g. {missing[0]}"));
            return;
        }

        done.Add($"{EvidenceMembers.Readings}: all {cited.Count} readings the verdict cites are present ({ids.Count} in all)");
    }
}
