using CableTest.Storage.Evidence;
using CableTest.Storage.Runs;
using CableTest.Storage.Tests.Runs;
using CableTest.Testing;
using Microsoft.Data.Sqlite;

namespace CableTest.Storage.Tests.Evidence;

/// <summary>
/// Signed chain anchors on a real SQLite store: an intact store matches its anchor; a store whose records were rewritten
/// with every hash recomputed passes the chain check but not the anchor; an edited anchor fails its signature.
/// </summary>
public sealed class ChainAnchorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new("anchors");
    private SqliteRunStore store = null!;
    private BenchSigningKey key = null!;

    private string DbPath => dir.File("cabletest.db");

    public async Task InitializeAsync()
    {
        store = new SqliteRunStore(DbPath, TimeProvider.System);
        await store.MigrateAsync(default);
        foreach (var id in new[] { "v-1", "v-2", "v-3" })
        {
            await store.AppendVerdictAsync(TestEvidence.Verdict(id, "run-" + id, "S-1", "L-1", "pass", ["IEC 60228:2004"], Now), default);
        }

        key = BenchSigningKey.LoadOrCreate(dir.File("keys/bench.pem"), out _);
    }

    public Task DisposeAsync()
    {
        key.Dispose();
        store.ReleaseConnections();
        SqliteConnection.ClearAllPools();
        dir.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task IntactStore_MatchesItsAnchor()
    {
        var anchor = await AnchorAtAsync(3);
        using var publicKey = ChainAnchorCheck.PublicKeyFromPem(key.PublicKeyPem);

        Assert.Null(await ChainAnchorCheck.ProblemAsync(store, anchor, publicKey, default));
        Assert.Equal(anchor, ChainAnchor.FromLine(anchor.ToLine()));
    }

    [Fact]
    public async Task RecordsRewrittenWithHashesRecomputed_ChainIntact_AnchorCatchesIt()
    {
        var anchor = await AnchorAtAsync(3);
        var records = await store.ReadVerdictsAfterAsync(0, 10, default);

        // The editor turns v-2 into a fail and recomputes its content hash, its link and every link after it, the head,
        // and the risk margins row.
        var edited = records[1].EvidenceJson.Replace("OUTCOME_PASS", "OUTCOME_FAIL", StringComparison.Ordinal);
        var content2 = VerdictHashing.ContentHash(edited);
        var chain2 = VerdictHashing.ChainHash(records[0].ChainSha256, 2, "v-2", content2);
        var chain3 = VerdictHashing.ChainHash(chain2, 3, "v-3", records[2].ContentSha256);
        await ExecuteAsync(
            "UPDATE verdicts SET evidence_json = @e, outcome = 'fail', content_sha256 = @c, chain_sha256 = @h2 WHERE sequence = 2;" +
            "UPDATE verdicts SET previous_sha256 = @h2, chain_sha256 = @h3 WHERE sequence = 3;" +
            "UPDATE verdict_head SET chain_sha256 = @h3 WHERE id = 1;" +
            "UPDATE verdict_margins SET outcome = 'fail' WHERE sequence = 2;",
            ("@e", edited), ("@c", content2), ("@h2", chain2), ("@h3", chain3));

        var chain = await store.VerifyChainAsync(default);
        Assert.True(chain.Intact, "the rewrite is consistent, so the chain alone cannot see it: " + chain.Detail);
        using var publicKey = ChainAnchorCheck.PublicKeyFromPem(key.PublicKeyPem);
        var problem = await ChainAnchorCheck.ProblemAsync(store, anchor, publicKey, default);
        Assert.NotNull(problem);
        Assert.Contains("chain hash at sequence 3 is not the one the bench signed", problem, StringComparison.Ordinal);
        Assert.Contains("rewritten", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnchoredRecordDeleted_Named()
    {
        var anchor = await AnchorAtAsync(3);
        await ExecuteAsync("DELETE FROM verdicts WHERE sequence = 3");
        using var publicKey = ChainAnchorCheck.PublicKeyFromPem(key.PublicKeyPem);

        Assert.Contains("no record at sequence 3", await ChainAnchorCheck.ProblemAsync(store, anchor, publicKey, default), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnchorEdited_OrSignedByAnotherKey_SignatureRefused()
    {
        var anchor = await AnchorAtAsync(3);
        var records = await store.ReadVerdictsAfterAsync(0, 10, default);
        using var publicKey = ChainAnchorCheck.PublicKeyFromPem(key.PublicKeyPem);
        using var other = BenchSigningKey.LoadOrCreate(dir.File("keys/other.pem"), out _);

        foreach (var forged in new[]
        {
            anchor with { ChainSha256 = records[1].ChainSha256 },
            anchor with { Sequence = 2 },
            anchor with { SignedAt = "2027-01-01T00:00:00.0000000Z" },
            ChainAnchor.Sign(other, "bench-1", 3, anchor.ChainSha256, Now),
            anchor with { Signature = "not base64" },
        })
        {
            Assert.Contains("does not carry the bench's signature", await ChainAnchorCheck.ProblemAsync(store, forged, publicKey, default), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnchorsFile_AppendedLinesReadBack_ACutOrEditedLineNamedByNumber()
    {
        var path = dir.File("verdict-anchors.jsonl");
        var first = ChainAnchor.Sign(key, "bench-1", 1, new string('a', 64), Now);
        var second = ChainAnchor.Sign(key, "bench-1", 2, new string('b', 64), Now.AddMinutes(1));
        ChainAnchorLog.Append(path, first);
        ChainAnchorLog.Append(path, second);
        File.AppendAllText(path, "{\"bench_id\":\"bench-1\",\"seq");

        var (anchors, unreadable) = ChainAnchorLog.Read(path);

        Assert.Equal([first, second], anchors);
        Assert.Equal([3], unreadable);
        var none = ChainAnchorLog.Read(dir.File("none.jsonl"));
        Assert.Empty(none.Anchors);
        Assert.Empty(none.UnreadableLines);
    }

    private async Task<ChainAnchor> AnchorAtAsync(long sequence)
    {
        var record = (await store.ReadVerdictsAfterAsync(sequence - 1, 1, default)).Single();
        return ChainAnchor.Sign(key, "bench-1", sequence, record.ChainSha256, Now);
    }

    private async Task ExecuteAsync(string sql, params (string Name, string Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
