using CableTest.Domain;
using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Drivers;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;
using CableTest.Runs.Procedures.VoltageWithstand;
using CableTest.Runs.Tests.Procedures.Fakes;

namespace CableTest.Runs.Tests.Procedures.VoltageWithstand;

public sealed partial class VoltageWithstandProcedureTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly Bench _bench = new();

    private Task<StepResult> Run(FakeWithstandTester tester, TestPlan? plan = null, VoltageWithstandOptions? options = null) =>
        _bench.DriveAsync(() => new VoltageWithstandProcedure(tester, "hipot", _bench, options ?? new VoltageWithstandOptions())
            .RunAsync(_bench.Context("vw"), plan ?? Plans.Bv25(), CancellationToken.None), Poll);

    [Fact]
    public async Task RunAsync_FullProgram_PassHeldTheWholeDwellAtTheRequiredLevel()
    {
        var tester = new FakeWithstandTester(_bench);

        var result = await Run(tester);

        Assert.Equal(Outcome.Pass, result.Verdict.Outcome);
        var evidence = Assert.IsType<VoltageWithstandEvidence>(result.Verdict.Evidence);
        Assert.Equal((2.5m, 300m, 50m), (evidence.AppliedKv, evidence.HeldS, evidence.FrequencyHz));
        Assert.Equal(new WithstandSettings(WithstandKind.Ac, 2.5, 50, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(10), 50, true), tester.Settings);
        Assert.Equal(["ask CloseCage", "status", "configure Ac 2.5 kV", "start", "status", "take voltage_withstand/0"], _bench.Calls.Take(6));
        Assert.Equal("output off", _bench.Calls[^1]);
        Assert.Equal(1, tester.OutputOffs);
        Assert.Empty(_bench.SafeReasons);
        Assert.Equal("Connect all cores together to the HV lead, screen/water to earth, leave the cage and close the door", _bench.Prompts.Single().Message);
        Assert.Equal(new WithstandTrace("pass", 50, 1.2, null, null), result.Withstand);
        Assert.Equal(["hipot"], result.InstrumentIds);
        Assert.Equal(result.ReadingIds.Count, _bench.Readings.Count);
        var first = _bench.Readings[0].Reading;
        Assert.Equal(("voltage_withstand", 0.2), (first.Measurement, first.StepTimeS));
        Assert.Equal(["voltage_kv", "leakage_ma"], first.Values.Select(v => v.Key));
    }

    [Fact]
    public async Task RunAsync_ReadingTimes_OneAxisThroughRampDwellAndRampDown()
    {
        await Run(new FakeWithstandTester(_bench));

        // The tester counts each phase from zero; the readings carry the time since the program started.
        var times = _bench.Readings.Select(r => r.Reading.StepTimeS).ToList();
        Assert.True(times.Zip(times.Skip(1)).All(x => x.Second >= x.First), "reading times go back");
        Assert.Equal(10.2, times[50], 9);                  // 0.2 s into the dwell after the 10 s ramp
        Assert.InRange(times[^2], 310.0, 320.0);           // ramping down after the 300 s dwell
        Assert.Equal(320, times[^1], 9);                   // complete: ramp, dwell, ramp down
    }

    [Fact]
    public async Task RunAsync_Ramp_FivePercentThenThroughTheDwellThenHeld()
    {
        await Run(new FakeWithstandTester(_bench));

        var p = _bench.ProgressReports;
        Assert.Equal((0.05, (double?)300), p[0]);                        // ramping: nothing held yet
        Assert.Equal(0.05, p[48].Progress);                              // 9.8 s: still ramping
        Assert.Equal(0.05 + (0.9 * 150 / 300), p[49 + 750].Progress, 9); // 150 s into the dwell
        Assert.Equal(150, p[49 + 750].RemainingS!.Value, 9);
        Assert.True(p.Zip(p.Skip(1)).All(x => x.Second.Progress >= x.First.Progress));
        Assert.Equal(p[^2].Progress, p[^1].Progress);                    // ramp down and completion keep the dwell's progress
    }

    [Theory]
    [InlineData(1.0, Outcome.Pass, null)]
    [InlineData(0.975, Outcome.Pass, null)]                              // 2.4375 kV within 2.5 kV ± 3 % (dwell > 60 s)
    [InlineData(0.96, Outcome.Invalid, ReasonCodes.VoltageTooLow)]       // 2.4 kV
    [InlineData(1.04, Outcome.Invalid, ReasonCodes.VoltageTooHigh)]      // 2.6 kV
    public async Task RunAsync_DwellVoltage_JudgedAgainstTheToleranceWindow(double factor, Outcome outcome, string? reasonCode)
    {
        var result = await Run(new FakeWithstandTester(_bench) { VoltageFactor = factor });

        Assert.Equal((outcome, reasonCode), (result.Verdict.Outcome, result.Verdict.ReasonCode));
        Assert.Equal((decimal)Math.Round(2.5 * factor, 4), Assert.IsType<VoltageWithstandEvidence>(result.Verdict.Evidence).AppliedKv);
    }

    [Fact]
    public async Task RunAsync_DwellVoltageDips_LowestDwellVoltageJudged()
    {
        var tester = new FakeWithstandTester(_bench)
        {
            Tamper = (n, s) => n == 500 && s.State == WithstandState.Dwell ? s with { OutputVoltageKv = 2.3 } : s,
        };

        var result = await Run(tester);

        Assert.Equal((Outcome.Invalid, ReasonCodes.VoltageTooLow), (result.Verdict.Outcome, result.Verdict.ReasonCode));
        Assert.Equal(2.3m, Assert.IsType<VoltageWithstandEvidence>(result.Verdict.Evidence).AppliedKv);
    }

    [Fact]
    public async Task RunAsync_Breakdown_FailWithTheTrippingVoltageAndTimeInTheTrace()
    {
        var tester = new FakeWithstandTester(_bench) { BreakdownAtDwellS = 100, LeakageMa = 3.5 };

        var result = await Run(tester);

        Assert.Equal((Outcome.Fail, ReasonCodes.Breakdown), (result.Verdict.Outcome, result.Verdict.ReasonCode));
        var evidence = Assert.IsType<VoltageWithstandEvidence>(result.Verdict.Evidence);
        Assert.True(evidence.Breakdown);
        Assert.Equal(99.8m, evidence.HeldS);
        Assert.Equal((110m, 2.5m), (evidence.BreakdownTimeS, evidence.BreakdownKv));
        Assert.Equal(new WithstandTrace("breakdown", 50, 3.5, 2.5, 110), result.Withstand);
        Assert.Equal(1, tester.OutputOffs);
        Assert.Empty(_bench.SafeReasons);
    }

    [Fact]
    public async Task RunAsync_WithVoltmeterAccuracy_AppliedVoltageHasABudget()
    {
        var tester = new FakeWithstandTester(_bench);
        var voltmeter = new InstrumentAccuracy("gwinstek-gpt9800", "voltage_v", "V", "recalled", [new AccuracyRow(5000m, 1m, 1m, 0m, 5m, 0, "M", [])]);

        var result = await Run(tester, options: new VoltageWithstandOptions { VoltmeterAccuracy = voltmeter });

        var budget = Assert.Single(result.Verdict.Uncertainty);
        Assert.Equal(("applied_kv", "kV"), (budget.Quantity, budget.Unit));
        Assert.False(budget.Verified);
        Assert.Contains(result.Verdict.Warnings, w => w.Contains("unverified (M) accuracy data: gwinstek-gpt9800", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_InterlockOpensMidDwell_SafeAtOnceReadingsKeptNeverPass()
    {
        var tester = new FakeWithstandTester(_bench) { InterlockOpensAtDwellS = 50 };

        var result = await Run(tester);

        Assert.Equal((Outcome.Invalid, ReasonCodes.Interrupted), (result.Verdict.Outcome, result.Verdict.ReasonCode));
        Assert.Equal(["interlock opened during step vw"], _bench.SafeReasons);
        var safe = _bench.Calls.IndexOf("make safe");
        Assert.Equal(["status", "make safe", "output off"], _bench.Calls.Skip(safe - 1));
        Assert.Equal("interlock opened: output dropped, the withstand test is interrupted", Assert.Single(_bench.Logs));
        Assert.Equal(299, result.ReadingIds.Count);                   // every poll up to 59.8 s; none for the open door
        Assert.Equal(_bench.Readings.Select(r => $"run-1/vw/{r.Reading.Index}"), result.ReadingIds);
        Assert.Equal(49.8m, Assert.IsType<VoltageWithstandEvidence>(result.Verdict.Evidence).HeldS);
        Assert.True(Assert.IsType<VoltageWithstandEvidence>(result.Verdict.Evidence).Interrupted);
        Assert.Equal("interlock", result.Withstand!.TesterOutcome);
    }

    [Fact]
    public async Task RunAsync_InterlockOpenBeforeStart_AsksUntilClosedThenStarts()
    {
        var tester = new FakeWithstandTester(_bench);
        tester.InterlockBeforeStart.Enqueue(false);
        tester.InterlockBeforeStart.Enqueue(false);

        var result = await Run(tester);

        Assert.Equal(Outcome.Pass, result.Verdict.Outcome);
        Assert.Equal(["ask CloseCage", "status", "ask CloseCage", "status", "ask CloseCage", "status", "configure Ac 2.5 kV", "start"], _bench.Calls.Take(8));
        Assert.Equal(["The interlock is open: close the cage door, then confirm", "The interlock is open: close the cage door, then confirm"], _bench.Prompts.Skip(1).Select(p => p.Message));
    }

    [Fact]
    public async Task RunAsync_NoRequiredLevel_InvalidBeforeAnythingMoves()
    {
        var result = await Run(new FakeWithstandTester(_bench), Plans.UnlistedRating());

        Assert.Equal((Outcome.Invalid, ReasonCodes.NoLimitDefined), (result.Verdict.Outcome, result.Verdict.ReasonCode));
        Assert.Empty(_bench.Calls);
        Assert.Null(result.Withstand);
        Assert.Equal(["hipot"], result.InstrumentIds);
        Assert.Empty(result.ReadingIds);
    }

    [Fact]
    public async Task RunAsync_DcWhereTheFamilyHasNoDcLevel_InvalidNoLimit()
    {
        var result = await Run(new FakeWithstandTester(_bench), Plans.Bv25(VoltageKind.DC));

        Assert.Equal((Outcome.Invalid, ReasonCodes.NoLimitDefined), (result.Verdict.Outcome, result.Verdict.ReasonCode));
        Assert.Empty(_bench.Calls);
    }

    [Fact]
    public async Task RunAsync_Dc_ProgramsDcAtTheDcLevelAndJudgesWithoutFrequency()
    {
        var level = VerdictEngine.Default.Catalogue.FindVoltageTest("0.6/1 kV", VoltageKind.DC, "IEC 60502-1").Value!;
        var tester = new FakeWithstandTester(_bench);

        var result = await Run(tester, Plans.Vv16(VoltageKind.DC));

        Assert.Equal(Outcome.Pass, result.Verdict.Outcome);
        Assert.Equal((WithstandKind.Dc, (double)level.RequiredKv, TimeSpan.FromSeconds((double)level.RequiredS)), (tester.Settings!.Kind, tester.Settings.VoltageKv, tester.Settings.Dwell));
        var evidence = Assert.IsType<VoltageWithstandEvidence>(result.Verdict.Evidence);
        Assert.Equal((VoltageKind.DC, (decimal?)null), (evidence.VoltageKind, evidence.FrequencyHz));
    }
}
