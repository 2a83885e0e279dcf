using CableTest.Storage.Runs;
using Microsoft.Extensions.Time.Testing;

namespace CableTest.Storage.Tests.Runs;

/// <summary>The behaviour every run store must have; run against SQLite and PostgreSQL.</summary>
public abstract partial class RunStoreBehaviour : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-24T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    protected IRunStore Store { get; private set; } = null!;

    protected abstract Task<IRunStore> CreateStoreAsync();

    /// <summary>Runs raw SQL against the store's database (tamper tests).</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.MigrateAsync(default);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A verdict whose index columns are what its evidence document states (as the service appends them).</summary>
    protected NewVerdict Verdict(string id, string sample = "S1", string outcome = "pass", string order = "L-1", params string[] standards) =>
        TestEvidence.Verdict(id, "run-" + id, sample, order, outcome, standards.Length == 0 ? ["IEC 60228:2004 / GB/T 3956-2008"] : standards, Time.GetUtcNow());

    [Fact]
    public async Task Migrate_Twice_IsIdempotent()
    {
        await Store.MigrateAsync(default);
        Assert.True(await Store.PingAsync(default));
    }

    [Fact]
    public async Task Samples_AddTwice_SecondIsRefusedAndFirstKept()
    {
        Assert.True(await Store.TryAddSampleAsync(new SampleRecord("S1", "L-1", "{\"a\":1}", Time.GetUtcNow()), default));
        Assert.False(await Store.TryAddSampleAsync(new SampleRecord("S1", "L-2", "{\"a\":2}", Time.GetUtcNow()), default));
        var s = await Store.GetSampleAsync("S1", default);
        Assert.Equal("L-1", s!.LimsOrder);
        Assert.Null(await Store.GetSampleAsync("nope", default));
    }

    [Fact]
    public async Task Runs_SaveUpsertsAndListFiltersByState()
    {
        var t = Time.GetUtcNow();
        await Store.SaveRunAsync(new RunRecord("r1", "S1", "RUNNING", "{}", t, null, t), default);
        await Store.SaveRunAsync(new RunRecord("r2", "S1", "COMPLETED", "{}", t.AddMinutes(1), t.AddMinutes(2), t), default);
        await Store.SaveRunAsync(new RunRecord("r1", "S1", "AWAITING_OPERATOR", "{\"x\":1}", t, null, t.AddSeconds(5)), default);

        var r1 = await Store.GetRunAsync("r1", default);
        Assert.Equal("AWAITING_OPERATOR", r1!.State);
        Assert.Equal("{\"x\":1}", r1.Json);
        var active = await Store.ListRunsAsync(null, ["RUNNING", "AWAITING_OPERATOR"], 10, 0, default);
        Assert.Equal(["r1"], active.Select(r => r.RunId));
        var all = await Store.ListRunsAsync("S1", null, 10, 0, default);
        Assert.Equal(["r2", "r1"], all.Select(r => r.RunId));
    }

    [Fact]
    public async Task StartRequests_SameRequestId_ReturnsTheFirstRun()
    {
        Assert.Equal("run-a", await Store.ClaimStartRequestAsync("req-1", "run-a", default));
        Assert.Equal("run-a", await Store.ClaimStartRequestAsync("req-1", "run-b", default));
        Assert.Equal("run-c", await Store.ClaimStartRequestAsync("req-2", "run-c", default));
    }

    [Fact]
    public async Task Verdicts_GetSequentialSequencesAndChainedHashes()
    {
        var a = await Store.AppendVerdictAsync(Verdict("v1"), default);
        var b = await Store.AppendVerdictAsync(Verdict("v2"), default);

        Assert.Equal(1, a.Sequence);
        Assert.Equal(2, b.Sequence);
        Assert.Equal("", a.PreviousSha256);
        Assert.Equal(a.ChainSha256, b.PreviousSha256);
        Assert.Equal(VerdictHashing.ContentHash(b.EvidenceJson), b.ContentSha256);
        static string Key(StoredVerdict? v) => v is null ? "" : $"{v.Sequence}|{v.VerdictId}|{v.RunId}|{v.Outcome}|{string.Join(',', v.Standards)}|{v.EvaluatedAt:O}|{v.ContentSha256}|{v.ChainSha256}";
        Assert.Equal(Key(b), Key(await Store.GetVerdictByIdAsync("v2", default)));
        Assert.Equal(Key(b), Key(await Store.GetVerdictByRunAsync("run-v2", default)));
        Assert.Equal(Key(b), Key(await Store.GetLatestVerdictBySampleAsync("S1", default)));
        Assert.Equal(2, await Store.GetLastSequenceAsync(default));
    }

    [Fact]
    public async Task Verdicts_ConcurrentAppends_StayGapFreeAndChained()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Store.AppendVerdictAsync(Verdict("c" + i), default)));
        var all = await Store.ReadVerdictsAfterAsync(0, 100, default);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), all.Select(v => v.Sequence));
        Assert.True((await Store.VerifyChainAsync(default)).Intact);
    }

    [Fact]
    public async Task Verdicts_ListFiltersAndPages()
    {
        await Store.AppendVerdictAsync(Verdict("v1", "S1", "pass", "L-1"), default);
        Time.Advance(TimeSpan.FromHours(1));
        await Store.AppendVerdictAsync(Verdict("v2", "S2", "fail", "L-1", "IEC 60227-3 / GB/T 5023.3-2008"), default);
        Time.Advance(TimeSpan.FromHours(1));
        await Store.AppendVerdictAsync(Verdict("v3", "S3", "fail", "L-2"), default);

        var fails = await Store.ListVerdictsAsync(new VerdictQuery { Outcomes = ["fail"] }, default);
        Assert.Equal(["v2", "v3"], fails.Verdicts.Select(v => v.VerdictId));
        var order = await Store.ListVerdictsAsync(new VerdictQuery { LimsOrder = "L-1" }, default);
        Assert.Equal(["v1", "v2"], order.Verdicts.Select(v => v.VerdictId));
        var std = await Store.ListVerdictsAsync(new VerdictQuery { Standard = "60227" }, default);
        Assert.Equal(["v2"], std.Verdicts.Select(v => v.VerdictId));
        var window = await Store.ListVerdictsAsync(new VerdictQuery
        {
            EvaluatedFrom = Time.GetUtcNow().AddMinutes(-90),
            EvaluatedTo = Time.GetUtcNow(),
        }, default);
        Assert.Equal(["v2"], window.Verdicts.Select(v => v.VerdictId));

        var page1 = await Store.ListVerdictsAsync(new VerdictQuery { PageSize = 2 }, default);
        Assert.Equal(["v1", "v2"], page1.Verdicts.Select(v => v.VerdictId));
        Assert.Equal(2, page1.NextAfterSequence);
        var page2 = await Store.ListVerdictsAsync(new VerdictQuery { PageSize = 2, AfterSequence = page1.NextAfterSequence!.Value }, default);
        Assert.Equal(["v3"], page2.Verdicts.Select(v => v.VerdictId));
        Assert.Null(page2.NextAfterSequence);
    }

    [Fact]
    public async Task Verdicts_NewestFirst_PagesDownwardsWithFilters()
    {
        await Store.AppendVerdictAsync(Verdict("v1", "S1", "pass", "L-1"), default);
        await Store.AppendVerdictAsync(Verdict("v2", "S2", "fail", "L-1"), default);
        await Store.AppendVerdictAsync(Verdict("v3", "S1", "fail", "L-2"), default);

        var page1 = await Store.ListVerdictsAsync(new VerdictQuery { NewestFirst = true, PageSize = 2 }, default);
        Assert.Equal(["v3", "v2"], page1.Verdicts.Select(v => v.VerdictId));
        Assert.Equal(2, page1.NextAfterSequence);
        var page2 = await Store.ListVerdictsAsync(new VerdictQuery { NewestFirst = true, PageSize = 2, BeforeSequence = page1.NextAfterSequence }, default);
        Assert.Equal(["v1"], page2.Verdicts.Select(v => v.VerdictId));
        Assert.Null(page2.NextAfterSequence);
        var sample = await Store.ListVerdictsAsync(new VerdictQuery { NewestFirst = true, SampleId = "S1" }, default);
        Assert.Equal(["v3", "v1"], sample.Verdicts.Select(v => v.VerdictId));
    }

    [Fact]
    public async Task Acknowledgements_NeverMoveBackwards()
    {
        Assert.Equal(0, await Store.GetAcknowledgedAsync("lims", default));
        Assert.Equal(5, await Store.AcknowledgeAsync("lims", 5, default));
        Assert.Equal(5, await Store.AcknowledgeAsync("lims", 3, default));
        Assert.Equal(7, await Store.AcknowledgeAsync("lims", 7, default));
        Assert.Equal(0, await Store.GetAcknowledgedAsync("other", default));
    }

    [Fact]
    public async Task VerifyChain_EditedEvidence_IsDetectedAtThatRecord()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Store.AppendVerdictAsync(Verdict("v" + i), default);
        }

        Assert.True((await Store.VerifyChainAsync(default)).Intact);
        await ExecuteSqlAsync("UPDATE verdicts SET evidence_json = REPLACE(evidence_json, 'OUTCOME_PASS', 'OUTCOME_FAIL') WHERE sequence = 3");

        var result = await Store.VerifyChainAsync(default);
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("evidence", result.Detail);
    }

    [Fact]
    public async Task VerifyChain_RecomputedHashButBrokenLink_IsDetected()
    {
        for (var i = 1; i <= 3; i++)
        {
            await Store.AppendVerdictAsync(Verdict("v" + i), default);
        }

        // A tamperer who recomputes the content hash still breaks the chain hash.
        var forged = "{\"verdictId\":\"v2\",\"outcome\":\"OUTCOME_FAIL\"}";
        await ExecuteSqlAsync($"UPDATE verdicts SET evidence_json = '{forged}', content_sha256 = '{VerdictHashing.ContentHash(forged)}' WHERE sequence = 2");
        var result = await Store.VerifyChainAsync(default);
        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);

        await ExecuteSqlAsync("DELETE FROM verdicts WHERE sequence = 2");
        Assert.Equal(2, (await Store.VerifyChainAsync(default)).FirstBrokenSequence);
    }

    [Theory]
    [InlineData("outcome", "'fail'")]
    [InlineData("sample_id", "'S9'")]
    [InlineData("lims_order", "'L-9'")]
    [InlineData("run_id", "'run-v9'")]
    [InlineData("verdict_id", "'v9'")]
    [InlineData("standards", "'IEC 60502-1'")]
    [InlineData("evaluated_at_ms", "evaluated_at_ms + 1")]
    public async Task EditedIndexColumn_CaughtByVerify_AndNotServed(string column, string value)
    {
        for (var i = 1; i <= 3; i++)
        {
            await Store.AppendVerdictAsync(Verdict("v" + i), default);
        }

        await ExecuteSqlAsync($"UPDATE verdicts SET {column} = {value} WHERE sequence = 2");

        var result = await Store.VerifyChainAsync(default);
        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
        Assert.Contains(column == "verdict_id" ? "chain hash" : column, result.Detail);
        var refused = await Assert.ThrowsAsync<VerdictIntegrityException>(() => Store.ReadVerdictsAfterAsync(0, 10, default));
        Assert.Equal(2, refused.Sequence);
        await Assert.ThrowsAsync<VerdictIntegrityException>(() => Store.GetVerdictByRunAsync(column == "run_id" ? "run-v9" : "run-v2", default));
        Assert.Equal("v1", (await Store.GetVerdictByRunAsync("run-v1", default))!.VerdictId);
    }

    [Theory]
    [InlineData("UPDATE verdict_margins SET conductor_r20_ratio = 0.5 WHERE sequence = 2", 2, "conductor_r20_ratio")]
    [InlineData("UPDATE verdict_margins SET insulation_ratio = 40 WHERE sequence = 2", 2, "insulation_ratio")]
    [InlineData("UPDATE verdict_margins SET outcome = 'fail' WHERE sequence = 3", 3, "outcome")]
    [InlineData("UPDATE verdict_margins SET sample_id = 'S-OTHER' WHERE sequence = 1", 1, "sample_id")]
    [InlineData("DELETE FROM verdict_margins WHERE sequence = 2", 2, "missing")]
    [InlineData("INSERT INTO verdict_margins (sequence, sample_id, outcome, evaluated_at_ms, conductor_r20_ratio) VALUES (9, 'S1', 'fail', 0, 1.2)", 9, "no verdict record")]
    public async Task EditedRiskMargins_CaughtByVerify(string edit, long broken, string what)
    {
        var t = Time.GetUtcNow();
        await Store.AppendVerdictAsync(TestEvidence.WithMargins("v1", "S1", "pass", t, [(4.4, 4.61)], (0.02, 0.011)), default);
        await Store.AppendVerdictAsync(TestEvidence.WithMargins("v2", "S2", "pass", t, [(4.5, 4.61)], (0.03, 0.011)), default);
        await Store.AppendVerdictAsync(TestEvidence.WithMargins("v3", "S3", "pass", t, [(4.6, 4.61)], (0.012, 0.011)), default);
        var intact = await Store.VerifyChainAsync(default);
        Assert.True(intact.Intact, intact.Detail);

        await ExecuteSqlAsync(edit);
        var result = await Store.VerifyChainAsync(default);
        Assert.False(result.Intact);
        Assert.Equal(broken, result.FirstBrokenSequence);
        Assert.Contains(what, result.Detail, StringComparison.Ordinal);
        Assert.Contains("verdict_margins", result.Detail, StringComparison.Ordinal);
        // From the checkpoint of the intact walk (rows 1 to 3 checked then): an edit behind it changes the rows' digest,
        // so the walk starts over and names the row; a row added beyond it is found as well.
        var resumed = await Store.VerifyChainAsync(intact.Checkpoint, default);
        Assert.False(resumed.Intact);
        Assert.Equal(broken, resumed.FirstBrokenSequence);
        Assert.Contains(what, resumed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskMargins_ResumedWalk_ReadsRowsNotEvidence_AndCarriesTheirDigest()
    {
        var t = Time.GetUtcNow();
        await Store.AppendVerdictAsync(TestEvidence.WithMargins("v1", "S1", "pass", t, [(4.4, 4.61)], null), default);
        var first = await Store.VerifyChainAsync(default);
        await Store.AppendVerdictAsync(TestEvidence.WithMargins("v2", "S2", "fail", t, [(4.9, 4.61)], null), default);

        var resumed = await Store.VerifyChainAsync(first.Checkpoint, default);
        Assert.True(resumed.Intact, resumed.Detail);
        Assert.Equal(1, resumed.VerifiedRecords);
        Assert.Equal((await Store.VerifyChainAsync(default)).Checkpoint, resumed.Checkpoint);
        Assert.NotEqual(first.Checkpoint!.MarginsSha256, resumed.Checkpoint!.MarginsSha256);

        // A checkpoint written before margins were checked (no digest) is resumed as before.
        var old = await Store.VerifyChainAsync(first.Checkpoint with { MarginsSha256 = null }, default);
        Assert.True(old.Intact, old.Detail);
        Assert.Equal(resumed.Checkpoint, old.Checkpoint);
    }

    [Fact]
    public async Task EditedOutcomeColumn_OutcomeFilter_IsNotFooled()
    {
        await Store.AppendVerdictAsync(Verdict("v1", outcome: "pass"), default);
        await Store.AppendVerdictAsync(Verdict("v2", outcome: "fail"), default);
        await ExecuteSqlAsync("UPDATE verdicts SET outcome = 'fail' WHERE sequence = 1");

        var refused = await Assert.ThrowsAsync<VerdictIntegrityException>(() => Store.ListVerdictsAsync(new VerdictQuery { Outcomes = ["fail"] }, default));
        Assert.Equal(1, refused.Sequence);
        Assert.Contains("outcome", refused.Message);
    }

    [Fact]
    public async Task DeletedLastVerdict_CaughtByVerify_AndTheGapStays()
    {
        for (var i = 1; i <= 3; i++)
        {
            await Store.AppendVerdictAsync(Verdict("v" + i), default);
        }

        await ExecuteSqlAsync("DELETE FROM verdicts WHERE sequence = 3");
        var result = await Store.VerifyChainAsync(default);
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("deleted", result.Detail);

        var next = await Store.AppendVerdictAsync(Verdict("v4"), default);
        Assert.Equal(4, next.Sequence);
        Assert.Equal(3, (await Store.VerifyChainAsync(default)).FirstBrokenSequence);
    }

    [Fact]
    public async Task DeletedChainHead_CaughtByVerify()
    {
        await Store.AppendVerdictAsync(Verdict("v1"), default);
        await ExecuteSqlAsync("DELETE FROM verdict_head");
        var result = await Store.VerifyChainAsync(default);
        Assert.False(result.Intact);
        Assert.Contains("head", result.Detail);
    }

    [Fact]
    public async Task VerifyChain_FromCheckpoint_WalksOnlyNewRecords_AndRechecksTheCheckpoint()
    {
        for (var i = 1; i <= 3; i++)
        {
            await Store.AppendVerdictAsync(Verdict("v" + i), default);
        }

        var first = await Store.VerifyChainAsync(default);
        Assert.True(new VerdictCheckpoint(3, (await Store.GetVerdictByIdAsync("v3", default))!.ChainSha256).SameRecord(first.Checkpoint), first.Checkpoint?.ToString());
        Assert.NotNull(first.Checkpoint!.MarginsSha256);
        await Store.AppendVerdictAsync(Verdict("v4"), default);
        await Store.AppendVerdictAsync(Verdict("v5"), default);

        var incremental = await Store.VerifyChainAsync(first.Checkpoint, default);
        Assert.True(incremental.Intact, incremental.Detail);
        Assert.Equal(2, incremental.VerifiedRecords);
        Assert.Equal(5, incremental.Checkpoint!.Sequence);

        await ExecuteSqlAsync("UPDATE verdicts SET lims_order = 'L-9' WHERE sequence = 3");
        var broken = await Store.VerifyChainAsync(first.Checkpoint, default);
        Assert.False(broken.Intact);
        Assert.Equal(3, broken.FirstBrokenSequence);
    }

    [Fact]
    public async Task StoreWithoutChainHead_AsWrittenBeforeIt_MigratesAndVerifies()
    {
        for (var i = 1; i <= 3; i++)
        {
            await Store.AppendVerdictAsync(Verdict("v" + i), default);
        }

        // Back to schema version 1, as every store written before the chain head was added.
        await ExecuteSqlAsync("DROP TABLE verdict_head");
        await ExecuteSqlAsync("DELETE FROM schema_migrations WHERE version = 2");

        await Store.MigrateAsync(default);
        var result = await Store.VerifyChainAsync(default);
        Assert.True(result.Intact, result.Detail);
        Assert.Equal(3, result.VerifiedRecords);
        await ExecuteSqlAsync("DELETE FROM verdicts WHERE sequence = 3");
        Assert.Equal(3, (await Store.VerifyChainAsync(default)).FirstBrokenSequence);
    }

    [Fact]
    public async Task Readings_AddedTwice_StoredOnce_InTimeOrder()
    {
        var readings = Enumerable.Range(0, 5).Select(i => new ReadingRecord($"rd{i}", "run1", "step1", "1", "ohm-1", "resistance_ohm", 0.07 + i, 1_700_000_000_000_000_000L - i, i)).ToList();
        await Store.AddReadingsAsync(readings, default);
        await Store.AddReadingsAsync(readings, default);
        var back = await Store.GetReadingsAsync("run1", default);
        Assert.Equal(5, back.Count);
        Assert.Equal("rd4", back[0].ReadingId);
        Assert.Equal(readings[2], back.Single(r => r.ReadingId == "rd2"));
    }
}
