using CableTest.Domain.Verdicts;
using CableTest.Storage.Runs;

namespace CableTest.Storage.Tests.Runs;

public abstract partial class RunStoreBehaviour
{
    [Fact]
    public async Task RiskObservations_MarginsWrittenWithTheVerdict_WorstCoreAndFiltered()
    {
        await AddSampledAsync("S1", BvSpec, "Acme");
        await AddSampledAsync("S2", BvSpec, "Thin Wire Ltd");
        await AddSampledAsync("S3", RvSpec, "Acme");
        Assert.True(await Store.TryAddSampleAsync(new SampleRecord("S4", "L-1", "{}", Time.GetUtcNow()), default)); // coded only: not listed
        var t = Time.GetUtcNow();
        // S1: cores 7.10 and 7.30 of limit 7.41 → worst 7.30/7.41 = 0.985155; R_L 200 of minimum 10 → 20
        await Store.AppendVerdictAsync(TestEvidence.WithMargins("v1", "S1", "pass", t, [(7.10, 7.41), (7.30, 7.41)], (200, 10)), default);
        // S2: 7.50/7.41 = 1.012146 (fail); insulation 9/10 = 0.9 and no better one
        await Store.AppendVerdictAsync(TestEvidence.WithMargins("v2", "S2", "fail", t.AddMinutes(1), [(7.50, 7.41)], (9, 10)), default);
        await Store.AppendVerdictAsync(TestEvidence.WithMargins("v3", "S4", "pass", t.AddMinutes(2), [(7.0, 7.41)], null), default);
        // S3: incomplete, no evidence with a limit
        await Store.AppendVerdictAsync(TestEvidence.WithMargins("v4", "S3", "incomplete", t.AddMinutes(3), [], null), default);

        var all = await Store.ListRiskObservationsAsync(new RiskQuery(), default);

        Assert.Equal(["S1", "S2", "S3"], all.Select(o => o.SampleId));
        Assert.Equal(0.985155, all[0].ConductorR20Ratio!.Value, 6);
        Assert.Equal(20, all[0].InsulationRatio!.Value, 9);
        Assert.Equal(("Thin Wire Ltd", BvSpec, Outcome.Fail), (all[1].Manufacturer, all[1].SpecId, all[1].Outcome));
        Assert.Equal(1.012146, all[1].ConductorR20Ratio!.Value, 6);
        Assert.Equal(0.9, all[1].InsulationRatio!.Value, 9);
        Assert.Equal(t.AddMinutes(1), all[1].EvaluatedAt);
        Assert.Equal((Outcome.Incomplete, (double?)null, (double?)null), (all[2].Outcome, all[2].ConductorR20Ratio, all[2].InsulationRatio));

        Assert.Equal(["S1", "S3"], (await Store.ListRiskObservationsAsync(new RiskQuery { Manufacturer = "Acme" }, default)).Select(o => o.SampleId));
        Assert.Equal(["S1", "S2"], (await Store.ListRiskObservationsAsync(new RiskQuery { SpecId = BvSpec }, default)).Select(o => o.SampleId));
        Assert.Equal(["S2", "S3"], (await Store.ListRiskObservationsAsync(new RiskQuery { EvaluatedFrom = t.AddMinutes(1) }, default)).Select(o => o.SampleId));
    }

    [Fact]
    public async Task RiskObservations_VerdictsStoredBeforeTheMarginsTable_BackfilledByTheMigration()
    {
        await AddSampledAsync("S1", BvSpec, "Acme");
        for (var i = 0; i < 3; i++)
        {
            // 7.0, 7.1, 7.2 of 7.41
            await Store.AppendVerdictAsync(TestEvidence.WithMargins($"v{i}", "S1", "pass", Time.GetUtcNow().AddMinutes(i), [(7.0 + (0.1 * i), 7.41)], (100, 10)), default);
        }

        // As a store of schema 4 was: no margins table, migration 5 not applied.
        await ExecuteSqlAsync("DROP TABLE verdict_margins");
        await ExecuteSqlAsync("DELETE FROM schema_migrations WHERE version = 5");
        await Store.MigrateAsync(default);

        var observations = await Store.ListRiskObservationsAsync(new RiskQuery(), default);
        Assert.Equal(3, observations.Count);
        Assert.Equal(0.944669, observations[0].ConductorR20Ratio!.Value, 6); // 7.0 / 7.41
        Assert.Equal(0.971660, observations[2].ConductorR20Ratio!.Value, 6); // 7.2 / 7.41
        Assert.All(observations, o => Assert.Equal(10, o.InsulationRatio!.Value, 9));

        // Appends after the migration write their own margins.
        await Store.AppendVerdictAsync(TestEvidence.WithMargins("v9", "S1", "fail", Time.GetUtcNow().AddHours(1), [(7.5, 7.41)], null), default);
        Assert.Equal(4, (await Store.ListRiskObservationsAsync(new RiskQuery(), default)).Count);
    }
}
