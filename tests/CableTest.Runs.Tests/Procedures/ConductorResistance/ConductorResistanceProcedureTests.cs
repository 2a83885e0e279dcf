using CableTest.Domain;
using CableTest.Domain.Uncertainty;
using CableTest.Domain.Verdicts;
using CableTest.Instruments;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;
using CableTest.Runs.Procedures;
using CableTest.Runs.Procedures.ConductorResistance;
using CableTest.Runs.Tests.Procedures.Fakes;

namespace CableTest.Runs.Tests.Procedures.ConductorResistance;

public sealed class ConductorResistanceProcedureTests
{
    private readonly Bench _bench = new();

    private Task<StepResult> Run(FakeResistanceMeter meter, double? ambientC = 20, TestPlan? plan = null, ConductorResistanceOptions? options = null) =>
        _bench.DriveAsync(() => new ConductorResistanceProcedure(meter, "cr-meter", "amb-1", options ?? new ConductorResistanceOptions())
            .RunAsync(_bench.Context("cr-1"), plan ?? Plans.Bv25(), 1, ambientC, CancellationToken.None), TimeSpan.FromMilliseconds(200));

    [Fact]
    public async Task RunAsync_WithAccuracyData_BudgetOnTheRangeTheStepChoseAndRuleFromIt()
    {
        var dmm = new InstrumentAccuracy("keithley-dmm6500", "resistance_ohm", "Ω", "1 year",
            [new AccuracyRow(1m, 0.000001m, 0.0085m, 0.02m, 0m, 0, "V1", ["A1"]), new AccuracyRow(10m, 0.00001m, 0.0085m, 0.002m, 0m, 0, "V1", ["A1"])]);
        var thermometer = new InstrumentAccuracy("xymd02", "temperature_c", "°C", "typ", [new AccuracyRow(125m, 0.1m, 0m, 0m, 0.3m, 0, "D", ["A1"])]);
        var options = new ConductorResistanceOptions { MeterAccuracy = dmm, ThermometerAccuracy = thermometer, LengthTapeClass = 2 };
        var plan = Plans.Bv25() with { Settings = Plans.Bv25().Settings with { Rule = DecisionRule.FromBudget(DecisionRuleKind.NonBinaryGuardBand) } };

        var result = await Run(new FakeResistanceMeter(_bench, 0.70, 0.71, 0.72), plan: plan, options: options);

        var r20 = result.Verdict.Uncertainty[0];
        Assert.Equal("r20_ohm_per_km", r20.Quantity);
        Assert.StartsWith("keithley-dmm6500, 10 Ω range", r20.Components[0].Source, StringComparison.Ordinal); // the step configured 10 Ω
        Assert.Equal(["R", "R", "t", "t", "L"], r20.Components.Select(c => c.Symbol));
        Assert.Equal(UncertaintySource.Budget, result.Verdict.DecisionRule!.UncertaintySource);
        Assert.Equal(r20.ReportedExpandedUncertainty, result.Verdict.DecisionRule.GuardBand);
    }

    [Fact]
    public async Task RunAsync_WithinLimit_PassOnTheAverageAfterPromptCoreAndRange()
    {
        var meter = new FakeResistanceMeter(_bench, 0.70, 0.71, 0.72);

        var result = await Run(meter);

        Assert.Equal(Outcome.Pass, result.Verdict.Outcome);
        var evidence = Assert.IsType<ConductorResistanceEvidence>(result.Verdict.Evidence);
        Assert.Equal(0.71m, evidence.MeasuredResistanceOhm);
        Assert.StartsWith(ConductorResistanceProcedure.MethodName, result.Verdict.Reference!.Method, StringComparison.Ordinal);
        Assert.Equal(["ask ConnectCore", "core 1", "configure 10 ohm", "measure", "take conductor_resistance/0", "measure", "take conductor_resistance/1", "measure", "take conductor_resistance/2"], _bench.Calls);
        Assert.Equal("Connect core 1 to the micro-ohmmeter (4-wire, current and potential leads at both ends)", _bench.Prompts.Single().Message);
        Assert.Equal(["run-1/cr-1/0", "run-1/cr-1/1", "run-1/cr-1/2"], result.ReadingIds);
        Assert.Equal(["cr-meter", "amb-1"], result.InstrumentIds);
        Assert.Equal([("resistance_ohm", 0.70)], _bench.Readings[0].Reading.Values.Select(v => (v.Key, v.Value)));
        Assert.Equal([(1 / 3.0, (double?)null), (2 / 3.0, null), (1.0, null)], _bench.ProgressReports);
        Assert.True(meter.Settings.Single() is { FourWire: true, ReverseCurrentAveraging: true });
    }

    [Fact]
    public async Task RunAsync_ReadingsFiledAtTheTimeSinceTheFirstMeasurementBegan()
    {
        var meter = new FakeResistanceMeter(_bench, 0.70, 0.71, 0.72) { MeasureTime = TimeSpan.FromSeconds(1) };

        await Run(meter);

        // The bench's clock moves in 200 ms steps: each reading lands within one step of 1, 2 and 3 s.
        var times = _bench.Readings.Select(r => r.Reading.StepTimeS).ToArray();
        Assert.Equal(3, times.Length);
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(times[i], i + 1.0, i + 1.2);
        }
    }

    [Fact]
    public async Task RunAsync_OverLimit_Fail()
    {
        var result = await Run(new FakeResistanceMeter(_bench, 0.80));

        Assert.Equal(Outcome.Fail, result.Verdict.Outcome);
    }

    [Fact]
    public async Task RunAsync_OverRange_StopsReadingInvalidOverRange()
    {
        var meter = new FakeResistanceMeter(_bench, 0.70, null, 0.70);

        var result = await Run(meter);

        Assert.Equal(Outcome.Invalid, result.Verdict.Outcome);
        Assert.Equal("over_range", result.Verdict.ReasonCode);
        Assert.Equal("the micro-ohmmeter reported over range (9.9E37): no value, check the connection and range", result.Verdict.Reason);
        Assert.Equal(2, meter.ReadCount);
        Assert.Equal(["run-1/cr-1/0"], result.ReadingIds);
    }

    [Fact]
    public async Task RunAsync_NoAmbientTaken_InvalidNoTemperature()
    {
        var result = await Run(new FakeResistanceMeter(_bench, 0.70), ambientC: null);

        Assert.Equal(Outcome.Invalid, result.Verdict.Outcome);
        Assert.Equal("no_temperature", result.Verdict.ReasonCode);
    }

    [Fact]
    public async Task RunAsync_AmbientOutsideTheWindow_InconclusiveNeverACorrectedPass()
    {
        var result = await Run(new FakeResistanceMeter(_bench, 0.70), ambientC: 30);

        Assert.Equal(Outcome.Inconclusive, result.Verdict.Outcome);
        Assert.Equal(ReasonCodes.InvalidConditions, result.Verdict.ReasonCode);
    }

    [Fact]
    public async Task RunAsync_AmbientRoundedToHundredths_AsJudgedToday()
    {
        var result = await Run(new FakeResistanceMeter(_bench, 0.70), ambientC: 20.123456);

        Assert.Equal(20.12m, Assert.IsType<ConductorResistanceEvidence>(result.Verdict.Evidence).ConductorTemperatureC);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e30)]
    public async Task RunAsync_ReadingNotANumber_ThrowsTypedNeverAVerdict(double ohm)
    {
        var e = await Assert.ThrowsAsync<ImplausibleReadingException>(() => Run(new FakeResistanceMeter(_bench, 0.70, ohm)));

        Assert.Contains("cr-meter", e.Message, StringComparison.Ordinal);
        Assert.Single(_bench.Readings);
    }

    [Fact]
    public async Task RunAsync_AmbientNotANumber_ErrorNotPass()
    {
        var result = await Run(new FakeResistanceMeter(_bench, 0.70), ambientC: double.NaN);

        Assert.Equal(Outcome.Error, result.Verdict.Outcome);
        Assert.Equal(ReasonCodes.InvalidInput, result.Verdict.ReasonCode);
    }

    [Fact]
    public async Task RunAsync_LengthNotANumber_ErrorBeforeAnythingMoves()
    {
        var plan = Plans.Bv25(lengthM: double.NaN);

        var result = await Run(new FakeResistanceMeter(_bench, 0.70), plan: plan);

        Assert.Equal(Outcome.Error, result.Verdict.Outcome);
        Assert.Contains("sample length", result.Verdict.Reason, StringComparison.Ordinal);
        Assert.Empty(_bench.Calls);
    }

    [Fact]
    public async Task RunAsync_GarbledReply_InstrumentExceptionPassesThrough()
    {
        await Assert.ThrowsAsync<InstrumentException>(() => Run(new FakeResistanceMeter(_bench, 0.70) { FailAtRead = 2 }));

        Assert.Equal(2, _bench.Readings.Count);
    }

    [Fact]
    public async Task RunAsync_MeterStopsAnswering_TimeoutPassesThrough()
    {
        await Assert.ThrowsAsync<InstrumentTimeoutException>(() => Run(new FakeResistanceMeter(_bench, 0.70) { FailAtRead = 0, FailWith = FakeInstrument.Fault.Silent }));
    }

    [Fact]
    public async Task RunAsync_OperatorDeclines_CanceledBeforeTheMeterIsTouched()
    {
        _bench.AcknowledgeCount = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(new FakeResistanceMeter(_bench, 0.70)));
        Assert.Equal(["ask ConnectCore"], _bench.Calls);
    }

    [Fact]
    public async Task RunAsync_ReadingsFromOptions_Averaged()
    {
        var result = await Run(new FakeResistanceMeter(_bench, 0.70, 0.72), options: new ConductorResistanceOptions { Readings = 2 });

        Assert.Equal(0.71m, Assert.IsType<ConductorResistanceEvidence>(result.Verdict.Evidence).MeasuredResistanceOhm);
    }
}
