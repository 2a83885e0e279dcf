using CableTest.Domain;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Instruments;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;
using CableTest.Runs.Procedures;
using CableTest.Runs.Procedures.InsulationResistance;
using CableTest.Runs.Tests.Procedures.Fakes;

namespace CableTest.Runs.Tests.Procedures.InsulationResistance;

public sealed class InsulationResistanceProcedureTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly Bench _bench = new();

    private Task<StepResult> Run(FakeInsulationTester tester, TestPlan? plan = null, double? ambientC = 20, InsulationResistanceOptions? options = null) =>
        _bench.DriveAsync(() => new InsulationResistanceProcedure(tester, "ir-meter", "amb-1", options ?? new InsulationResistanceOptions())
            .RunAsync(_bench.Context("ir-1"), plan ?? Plans.Bv25(), 1, ambientC, CancellationToken.None), Poll);

    [Fact]
    public async Task RunAsync_InTheWaterBath_ResistanceLengthPassAtTheBathTemperature()
    {
        var tester = new FakeInsulationTester(_bench);

        var result = await Run(tester);

        Assert.Equal(Outcome.Pass, result.Verdict.Outcome);
        var evidence = Assert.IsType<InsulationResistanceEvidence>(result.Verdict.Evidence);
        Assert.Equal(InsulationCriterion.ResistanceLength, evidence.Criterion);
        Assert.Equal(70m, evidence.TestTemperatureC);
        Assert.Equal(1000m, evidence.MeasuredResistanceMohm);
        Assert.Equal(60m, evidence.ElectrificationS);
        Assert.Equal(500m, evidence.TestVoltageVDc);
        Assert.Equal("Core 1 in the water bath at 70 °C (immersed for the method's time): connect it to the megohmmeter (HV terminal), the other cores, screen and water to earth", _bench.Prompts.Single().Message);
        Assert.Equal(["ask ConnectCore", "core 1", "configure 500 V 60 s", "start", "read", "take insulation_resistance/0"], _bench.Calls.Take(6));
        Assert.Equal("discharge", _bench.Calls[^1]);
        Assert.Equal(1, tester.Discharges);
        Assert.Equal(300, result.ReadingIds.Count);
        Assert.Equal(["ir-meter", "amb-1"], result.InstrumentIds);
        Assert.Equal(
        [
            "test voltage judged as the nominal 500 V DC set on the megohmmeter (measured 500 V, within 2 %; a larger deviation is judged as measured)",
            "test temperature 70 °C is the configured water-bath temperature (Bench:WaterBathTemperatureC), not a measured one",
        ], result.Verdict.Warnings.TakeLast(2));
        Assert.Equal(InsulationResistanceProcedure.ConfiguredBathSource, result.TemperatureSource);
    }

    [Fact]
    public async Task RunAsync_WithABathThermometer_JudgedAtTheMeanOfItsReadings_NamedAsTheSource_NoFallbackWarning()
    {
        var tester = new FakeInsulationTester(_bench);
        var bath = new FakeBathThermometer(_bench, 69.6, 70.2);

        var result = await _bench.DriveAsync(() => new InsulationResistanceProcedure(tester, "ir-meter", "amb-1", new InsulationResistanceOptions()) { Bath = (bath, "bath-1") }
            .RunAsync(_bench.Context("ir-1"), Plans.Bv25(), 1, 20, CancellationToken.None), Poll);

        var evidence = Assert.IsType<InsulationResistanceEvidence>(result.Verdict.Evidence);
        Assert.Equal(69.9m, evidence.TestTemperatureC);
        Assert.Equal("bath-1", result.TemperatureSource);
        Assert.Equal(["ir-meter", "amb-1", "bath-1"], result.InstrumentIds);
        Assert.DoesNotContain(result.Verdict.Warnings, w => w.Contains("Bench:WaterBathTemperatureC", StringComparison.Ordinal));
        // Before the voltage goes on and at the reading that counts, before it comes off; one index sequence for the step.
        Assert.Equal(["ask ConnectCore", "core 1", "bath read", "take bath_temperature/0", "configure 500 V 60 s", "start", "read", "take insulation_resistance/1"], _bench.Calls.Take(8));
        Assert.Equal(["take insulation_resistance/300", "bath read", "take bath_temperature/301", "discharge"], _bench.Calls.TakeLast(4));
        Assert.Equal(302, result.ReadingIds.Count);
        Assert.Equal([new KeyValuePair<string, double>("temperature_c", 70.2), new("setpoint_c", 70)], _bench.Readings[^1].Reading.Values);
    }

    [Fact]
    public async Task RunAsync_BathOutOfTheTableTemperature_NoStatementAtTheWrongTemperature()
    {
        var bath = new FakeBathThermometer(_bench, 64.0);

        var result = await _bench.DriveAsync(() => new InsulationResistanceProcedure(new FakeInsulationTester(_bench), "ir-meter", "amb-1", new InsulationResistanceOptions()) { Bath = (bath, "bath-1") }
            .RunAsync(_bench.Context("ir-1"), Plans.Bv25(), 1, 20, CancellationToken.None), Poll);

        Assert.NotEqual(Outcome.Pass, result.Verdict.Outcome);
        Assert.NotEqual(Outcome.Fail, result.Verdict.Outcome);
        Assert.Contains("64", result.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Electrification_CurveOfEveryReadingByInstrumentTime()
    {
        var result = await Run(new FakeInsulationTester(_bench));

        Assert.Equal(300, result.Curve.Count);
        Assert.Equal(0.2, result.Curve[0].ElectrificationS);
        Assert.Equal(500 * (1 + (0.2 / 60)), result.Curve[0].ResistanceMohm, 9);
        Assert.Equal(new InsulationCurvePoint(60, 1000), result.Curve[^1]);
        Assert.True(result.Curve.Zip(result.Curve.Skip(1)).All(p => p.First.ElectrificationS < p.Second.ElectrificationS && p.First.ResistanceMohm < p.Second.ResistanceMohm));
        var first = _bench.Readings[0].Reading;
        Assert.Equal(("insulation_resistance", 0.2), (first.Measurement, first.StepTimeS));
        Assert.Equal(["resistance_mohm", "voltage_v"], first.Values.Select(v => v.Key));
        Assert.Equal((1.0, (double?)0.0), _bench.ProgressReports[^1]);
        Assert.Equal((0.5, (double?)30.0), _bench.ProgressReports[149]);
    }

    [Theory]
    [InlineData(0.99, 500)]   // 495 V: within 2 % of 500 V, judged at the nominal
    [InlineData(1.02, 500)]   // 510 V: on the edge
    [InlineData(0.97, 485)]   // 485 V: judged as measured
    public async Task RunAsync_MeasuredVoltage_JudgedAtNominalWithinTwoPercent(double factor, int judgedV)
    {
        var result = await Run(new FakeInsulationTester(_bench) { VoltageFactor = factor });

        Assert.Equal(judgedV, Assert.IsType<InsulationResistanceEvidence>(result.Verdict.Evidence).TestVoltageVDc);
    }

    [Fact]
    public async Task RunAsync_InAir_KiAtAmbientNoBathWarning()
    {
        var tester = new FakeInsulationTester(_bench) { ResistanceOhmAt = _ => 1e11 };

        var result = await Run(tester, Plans.Vv16(), ambientC: 20.004);

        Assert.Equal(Outcome.Pass, result.Verdict.Outcome);
        var evidence = Assert.IsType<InsulationResistanceEvidence>(result.Verdict.Evidence);
        Assert.Equal((InsulationCriterion.Ki, 20m), (evidence.Criterion, evidence.TestTemperatureC));
        Assert.Contains("in air at ambient temperature", _bench.Prompts.Single().Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Verdict.Warnings, w => w.Contains("water-bath", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_OverRangeAtTheReadingTime_InconclusiveLowerBoundAndNotOnTheCurve()
    {
        var tester = new FakeInsulationTester(_bench) { ResistanceOhmAt = t => t >= 59 ? null : 1e9 };

        var result = await Run(tester);

        Assert.Equal((Outcome.Inconclusive, "over_range"), (result.Verdict.Outcome, result.Verdict.ReasonCode));
        Assert.Equal(294, result.Curve.Count);
        Assert.Equal(294, result.ReadingIds.Count);
        Assert.Equal(1, tester.Discharges);
    }

    [Fact]
    public async Task RunAsync_NoInsulationTable_InvalidNoLimitDefined()
    {
        var plan = Plans.Bv25();
        plan = plan with { Requirements = plan.Requirements with { Spec = plan.Requirements.Spec with { InsulationResistanceType = null, InsulationResistanceCompound = null }, InsulationResistanceKey = null } };

        var result = await Run(new FakeInsulationTester(_bench), plan);

        Assert.Equal((Outcome.Invalid, "no_limit_defined"), (result.Verdict.Outcome, result.Verdict.ReasonCode));
        Assert.Equal($"{plan.Requirements.Spec.Id} names no insulation-resistance table", result.Verdict.Reason);
    }

    [Fact]
    public async Task RunAsync_DiameterNaN_ErrorNamingTheFieldNotAnOverflow()
    {
        var result = await Run(new FakeInsulationTester(_bench) { ResistanceOhmAt = _ => 1e11 }, Plans.Vv16(d: double.NaN));

        Assert.Equal((Outcome.Error, ReasonCodes.InvalidInput), (result.Verdict.Outcome, result.Verdict.ReasonCode));
        Assert.Contains("conductor diameter d", result.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DiametersMissing_ErrorNeverPass()
    {
        var result = await Run(new FakeInsulationTester(_bench) { ResistanceOhmAt = _ => 1e11 }, Plans.Vv16(d: null, outer: null));

        Assert.Equal(Outcome.Error, result.Verdict.Outcome);
    }

    [Fact]
    public async Task RunAsync_NoAmbientInAir_TwentyDegrees()
    {
        var result = await Run(new FakeInsulationTester(_bench) { ResistanceOhmAt = _ => 1e11 }, Plans.Vv16(), ambientC: null);

        Assert.Equal(20m, Assert.IsType<InsulationResistanceEvidence>(result.Verdict.Evidence).TestTemperatureC);
    }

    [Fact]
    public async Task RunAsync_ReadingNotANumber_ThrowsTypedAndDischarges()
    {
        var tester = new FakeInsulationTester(_bench) { ResistanceOhmAt = t => t >= 10 ? double.NaN : 1e9 };

        await Assert.ThrowsAsync<ImplausibleReadingException>(() => Run(tester));

        Assert.Equal(49, _bench.Readings.Count);
        Assert.Equal(1, tester.Discharges);
    }

    [Fact]
    public async Task RunAsync_GarbledReply_PassesThroughAndDischarges()
    {
        var tester = new FakeInsulationTester(_bench) { FailAtRead = 5 };

        await Assert.ThrowsAsync<InstrumentException>(() => Run(tester));

        Assert.Equal(5, _bench.Readings.Count);
        Assert.Equal("discharge", _bench.Calls[^1]);
    }

    [Fact]
    public async Task RunAsync_TesterStopsAnswering_TimeoutPassesThroughAndDischarges()
    {
        var tester = new FakeInsulationTester(_bench) { FailAtRead = 5, FailWith = FakeInstrument.Fault.Silent };

        await Assert.ThrowsAsync<InstrumentTimeoutException>(() => Run(tester));

        Assert.Equal(1, tester.Discharges);
    }

    [Fact]
    public async Task RunAsync_InstrumentClockStops_StepTimeoutAndDischarges()
    {
        var tester = new FakeInsulationTester(_bench) { ClockStopsAtS = 30 };

        var e = await Assert.ThrowsAsync<TimeoutException>(() => Run(tester, options: new InsulationResistanceOptions { StepTimeout = TimeSpan.FromMinutes(2) }));

        Assert.StartsWith("electrification did not reach 60 s within 00:02:00", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, tester.Discharges);
    }
}
