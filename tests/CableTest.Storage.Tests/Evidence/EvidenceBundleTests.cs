using System.IO.Compression;
using System.Text;
using CableTest.Storage.Evidence;
using CableTest.Storage.Runs;
using CableTest.Testing;

namespace CableTest.Storage.Tests.Evidence;

/// <summary>Issue 12 item 4: a bundle verifies offline, and a changed byte in any member is detected and named.</summary>
public sealed class EvidenceBundleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A chain of three records, the verdict being the second; the bundle carries it and the head.</summary>
    private static byte[] Bundle(BenchSigningKey key, bool withRecording = true)
    {
        var evidence = "{\"runId\":\"run-1\",\"tests\":[{\"readingIds\":[\"run-1/cr-1/0\",\"run-1/ir-1/0\"]}]}";
        var r1 = Record(1, "v-0", "{}", "");
        var content = VerdictHashing.ContentHash(evidence);
        var chain = VerdictHashing.ChainHash(r1.ChainSha256, 2, "v-1", content);
        var r2 = new StoredVerdict(2, "v-1", "run-1", "S-1", "L-1", "fail", [], Now, evidence, content, r1.ChainSha256, chain);
        var r3 = Record(3, "v-2", "{\"later\":1}", r2.ChainSha256);
        var verdictJson = $"{{\"verdictId\":\"v-1\",\"sequence\":\"2\",\"runId\":\"run-1\",\"contentSha256\":\"{content}\",\"previousSha256\":\"{r1.ChainSha256}\",\"chainSha256\":\"{chain}\",\"evidenceJson\":{System.Text.Json.JsonSerializer.Serialize(evidence)},\"tests\":[{{\"readingIds\":[\"run-1/cr-1/0\",\"run-1/ir-1/0\"]}}]}}";
        ReadingRecord[] readings =
        [
            new("run-1/cr-1/0", "run-1", "cr-1", "1", "OHM-1", "resistance_ohm", 0.69, 1, 0.5),
            new("run-1/ir-1/0", "run-1", "ir-1", "1", "IR-1", "resistance_mohm", 0.0055, 2, 60),
        ];
        using var output = new MemoryStream();
        EvidenceBundleWriter.Write(output, new EvidenceBundleContent("run-1", "bench-1", verdictJson, readings,
            withRecording ? Encoding.UTF8.GetBytes("{\"seq\":1,\"tx\":\"01040000\"}\n") : null, "{\"instruments\":[]}\n", [r2, r3]), key, Now);
        return output.ToArray();
    }

    private static StoredVerdict Record(long sequence, string id, string evidence, string previous)
    {
        var content = VerdictHashing.ContentHash(evidence);
        return new StoredVerdict(sequence, id, "run-" + id, "S", "L", "pass", [], Now, evidence, content, previous, VerdictHashing.ChainHash(previous, sequence, id, content));
    }

    private static EvidenceVerification Verify(byte[] bundle)
    {
        using var stream = new MemoryStream(bundle);
        return EvidenceBundleVerifier.Verify(stream);
    }

    private static IReadOnlyList<string> MemberNames(byte[] bundle)
    {
        using var zip = new ZipArchive(new MemoryStream(bundle), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    private static int Length(byte[] bundle, string member)
    {
        using var zip = new ZipArchive(new MemoryStream(bundle), ZipArchiveMode.Read);
        return (int)zip.GetEntry(member)!.Length;
    }

    [Fact]
    public void Verify_AsWritten_IntactWithEveryCheckListed()
    {
        using var dir = new TempDirectory();
        using var key = BenchSigningKey.LoadOrCreate(Path.Combine(dir.Path, "keys", "bench.pem"), out var created);
        Assert.True(created);

        var result = Verify(Bundle(key));

        Assert.True(result.Intact, string.Join("\n", result.Problems));
        Assert.Equal(key.KeyId, result.KeyId);
        Assert.Equal("run-1", result.RunId);
        Assert.Contains(result.Checked, c => c.StartsWith("chain.json: 2 records linked from sequence 2 to 3", StringComparison.Ordinal));
        Assert.Contains(result.Checked, c => c.StartsWith("checkpoint.json: chain head 3 signed by bench bench-1", StringComparison.Ordinal));
        Assert.Contains(result.Checked, c => c.StartsWith("readings.jsonl: all 2 readings", StringComparison.Ordinal));
        Assert.Equal(
            ["manifest.json", "manifest.sig", "verdict.json", "readings.jsonl", "recording.jsonl", "calibration.json", "chain.json", "checkpoint.json", "public-key.pem"],
            MemberNames(Bundle(key)));
    }

    [Fact]
    public void Verify_OneByteFlippedInEachMemberInTurn_DetectedAndNamed()
    {
        using var dir = new TempDirectory();
        using var key = BenchSigningKey.LoadOrCreate(Path.Combine(dir.Path, "bench.pem"), out _);
        var bundle = Bundle(key);
        var tried = 0;
        foreach (var member in MemberNames(bundle))
        {
            var length = Length(bundle, member);
            // Three places in each member: the start, the middle and the last byte.
            foreach (var offset in new[] { 0, length / 2, length - 1 })
            {
                var result = Verify(ZipMember.WithByteFlipped(bundle, member, length => offset % length, 0x01));
                Assert.False(result.Intact, $"{member} byte {offset} flipped: not detected");
                Assert.Equal(member, result.Problems[0].Member);
                tried++;
            }
        }

        Assert.Equal(27, tried);
    }

    [Fact]
    public void Verify_SignedWithAnotherKey_TheBenchKeyPutBack_Detected()
    {
        // Someone who edits members can rehash and sign them only with a key of their own: with the bench key put back it fails.
        using var dir = new TempDirectory();
        using var key = BenchSigningKey.LoadOrCreate(Path.Combine(dir.Path, "bench.pem"), out _);
        using var other = BenchSigningKey.LoadOrCreate(Path.Combine(dir.Path, "other.pem"), out _);
        var forged = Bundle(other);
        var genuineKey = Bundle(key);
        // The forger's bundle with the bench's public key put back: nothing the forger signed verifies with it.
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(forged), ZipArchiveMode.Read))
        using (var genuine = new ZipArchive(new MemoryStream(genuineKey), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = (entry.FullName == EvidenceMembers.PublicKey ? genuine.GetEntry(entry.FullName)! : entry).Open();
                using var write = target.CreateEntry(entry.FullName).Open();
                read.CopyTo(write);
            }
        }

        var result = Verify(output.ToArray());
        Assert.False(result.Intact);
        Assert.Equal(EvidenceMembers.PublicKey, result.Problems[0].Member);
    }

    [Fact]
    public void LoadOrCreate_SecondStart_LoadsTheSameKey_OwnerOnly()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bench.pem");
        string id;
        using (var first = BenchSigningKey.LoadOrCreate(path, out var created))
        {
            Assert.True(created);
            id = first.KeyId;
        }

        using var again = BenchSigningKey.LoadOrCreate(path, out var createdAgain);
        Assert.False(createdAgain);
        Assert.Equal(id, again.KeyId);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", again.PublicKeyPem, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Verify_WithoutARecording_StillIntact()
    {
        using var dir = new TempDirectory();
        using var key = BenchSigningKey.LoadOrCreate(Path.Combine(dir.Path, "bench.pem"), out _);
        Assert.True(Verify(Bundle(key, withRecording: false)).Intact);
    }
}
