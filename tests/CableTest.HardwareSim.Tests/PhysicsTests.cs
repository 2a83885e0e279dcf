using CableTest.Domain.Standards;
using CableTest.HardwareSim.Physics;
using CableTest.HardwareSim.Scenarios;
using CableTest.Instruments.Drivers;
using Microsoft.Extensions.Time.Testing;

namespace CableTest.HardwareSim.Tests;

public class PhysicsTests
{
    private static SampleDefinition Bv(double deviation = 0) => ScenarioLibrary.LoadDefault().Get("good-bv-2.5").Sample with { DeviationFraction = deviation, CoreSpreadFraction = 0 };

    [Fact]
    public void ConductorResistance_Copper2p5mm2At20C_MatchesHandComputedValue()
    {
        // ρ20 = 1/58 Ω·mm²/m; 100 m / 2.5 mm² → 0.689655 Ω.
        var model = new ConductorModel(Bv(), seed: 1);
        Assert.Equal(100.0 / 58.0 / 2.5, model.ResistanceOhm(1, 20), 9);
        Assert.Equal(0.689655, model.ResistanceOhm(1, 20), 5);
    }

    [Fact]
    public void ConductorResistance_Temperature_FollowsAlpha20()
    {
        var model = new ConductorModel(Bv(), 1);
        Assert.Equal(model.ResistanceOhm(1, 20) * (1 + (0.00393 * 10)), model.ResistanceOhm(1, 30), 12);
        var al = new ConductorModel(Bv() with { Material = ConductorMaterial.Aluminium }, 1);
        Assert.Equal(al.ResistanceOhm(1, 20) * (1 - (0.00403 * 5)), al.ResistanceOhm(1, 15), 12);
    }

    [Fact]
    public void ConductorResistance_Undersize8Percent_RaisesResistanceAbove7p41OhmPerKm()
    {
        var good = new ConductorModel(Bv(), 1).Resistance20Ohm(1) * 10;
        var bad = new ConductorModel(Bv(0.08), 1).Resistance20Ohm(1) * 10;
        Assert.True(good < 7.41, $"{good} Ω/km");
        Assert.True(bad > 7.41, $"{bad} Ω/km");
        Assert.Equal(good / 0.92, bad, 9);
    }

    [Fact]
    public void ConductorResistance_Cores_SpreadIsSeeded()
    {
        var sample = Bv() with { Cores = 1, CoreSpreadFraction = 0.01 };
        var multi = ScenarioLibrary.LoadDefault().Get("yjv-4x16").Sample;
        var a = new ConductorModel(multi, 5);
        var b = new ConductorModel(multi, 5);
        Assert.Equal(a.ResistanceOhm(3, 20), b.ResistanceOhm(3, 20));
        Assert.NotEqual(a.ResistanceOhm(1, 20), a.ResistanceOhm(2, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.ResistanceOhm(5, 20));
        Assert.Equal(1, new ConductorModel(sample, 1).Cores);
    }

    [Fact]
    public void ConductorTemperature_ColdSample_ApproachesAmbient()
    {
        Assert.Equal(8, ThermalModel.ConductorTemperatureC(8, 23, 0, 2400, 0), 9);
        var oneTau = ThermalModel.ConductorTemperatureC(8, 23, 0, 2400, 2400);
        Assert.Equal(23 - (15 / Math.E), oneTau, 9);
        Assert.Equal(23, ThermalModel.ConductorTemperatureC(8, 23, 0, 2400, 2400 * 20), 3);
    }

    [Fact]
    public void InsulationResistance_RisesWithElectrification_AndFallsWithTemperature()
    {
        var model = new InsulationModel(Bv());
        var oneMinute = model.OneMinuteMOhm(20);
        Assert.Equal(300 * Math.Log10(3.38 / 1.78) / 0.1, oneMinute, 9);
        Assert.True(model.ResistanceMOhm(15, 20) < model.ResistanceMOhm(30, 20));
        Assert.Equal(oneMinute, model.ResistanceMOhm(60, 20), 9);
        Assert.True(model.ResistanceMOhm(600, 20) > oneMinute);
        Assert.Equal(oneMinute / 2, model.OneMinuteMOhm(28), 9); // halving every 8 K
    }

    [Fact]
    public void InsulationResistance_Wet_IsFarLowerAndFlat()
    {
        var wet = new InsulationModel(ScenarioLibrary.LoadDefault().Get("wet-bv-2.5").Sample);
        var dry = new InsulationModel(Bv());
        Assert.True(wet.OneMinuteMOhm(20) < dry.OneMinuteMOhm(20) / 1000);
        Assert.True(wet.ResistanceMOhm(15, 20) / wet.ResistanceMOhm(60, 20) > 0.98);
    }

    private static WithstandProgram Ac2500 => new(false, 50, 2500, RampUpS: 10, DwellS: 300, RampDownS: 5, LeakageLimitMa: 10, ArcDetection: true);

    [Fact]
    public void Withstand_Ac_RampsDwellsAndPasses_WithCapacitiveCurrent()
    {
        const double c = 0.1e-6 * 0.1;
        var run = new WithstandRun(Ac2500, 100, c, 1e9, null, null, null);
        var half = run.At(105);
        Assert.Equal(WithstandState.RampUp, half.State);
        Assert.Equal(1250, half.OutputVoltageV, 6);
        var dwell = run.At(100 + 10 + 120);
        Assert.Equal(WithstandState.Dwell, dwell.State);
        Assert.Equal(120, dwell.ElapsedS, 6);
        Assert.Equal(2500 * ((2 * Math.PI * 50 * c) + 1e-9) * 1e3, dwell.LeakageMa, 9);
        Assert.True(dwell.OutputOn);
        var done = run.At(100 + 315);
        Assert.Equal(WithstandState.Complete, done.State);
        Assert.Equal(WithstandOutcome.Pass, done.Outcome);
        Assert.False(done.OutputOn);
    }

    [Fact]
    public void Withstand_Dc_ChargingCurrentOnlyWhileRamping()
    {
        var dc = Ac2500 with { Dc = true, VoltageV = 8400 };
        var run = new WithstandRun(dc, 0, 1e-6, 1e10, null, null, null);
        Assert.Equal((1e-6 * 840) * 1e3, run.At(5).LeakageMa, 3);
        Assert.True(run.At(100).LeakageMa < 0.001);
    }

    [Fact]
    public void Withstand_BreakdownFourMinutesIntoDwell_TripsWithFailureVoltageAndTime()
    {
        var run = new WithstandRun(Ac2500, 0, 1e-9, 1e9, null, breakdownDwellS: 240, null);
        Assert.Equal(WithstandState.Dwell, run.At(249).State);
        var after = run.At(251);
        Assert.Equal(WithstandState.Stopped, after.State);
        Assert.Equal(WithstandOutcome.Breakdown, after.Outcome);
        Assert.Equal(2500, after.FailureVoltageV);
        Assert.Equal(250, after.FailureTimeS!.Value, 9);
        Assert.False(after.OutputOn);
        Assert.True(after.LeakageMa > 10);
    }

    [Fact]
    public void Withstand_BreakdownVoltage_DuringRamp()
    {
        var run = new WithstandRun(Ac2500, 0, 1e-9, 1e9, breakdownVoltageV: 2000, null, null);
        var r = run.At(20);
        Assert.Equal(WithstandOutcome.Breakdown, r.Outcome);
        Assert.Equal(2000, r.FailureVoltageV!.Value, 6);
        Assert.Equal(8, r.FailureTimeS!.Value, 6);
    }

    [Fact]
    public void Withstand_LeakageOverLimit_TripsHigh()
    {
        // 1 µF at 50 Hz: 2500 V → 785 mA; a 10 mA limit is reached at 31.8 V, 0.127 s into the ramp.
        var run = new WithstandRun(Ac2500, 0, 1e-6, 1e9, null, null, null);
        var r = run.At(1);
        Assert.Equal(WithstandOutcome.High, r.Outcome);
        Assert.Equal(10 / (2 * Math.PI * 50 * 1e-6 * 1e3), r.FailureVoltageV!.Value, 1);
    }

    [Fact]
    public void Withstand_InterlockHalt_DropsOutputAtOnce()
    {
        var run = new WithstandRun(Ac2500, 0, 1e-9, 1e9, null, null, null);
        Assert.True(run.Halt(100, WithstandOutcome.Interlock));
        var r = run.At(100);
        Assert.False(r.OutputOn);
        Assert.Equal(0, r.OutputVoltageV);
        Assert.Equal(WithstandOutcome.Interlock, r.Outcome);
        Assert.Equal(90, r.ElapsedS, 6);
        Assert.False(run.Halt(101, WithstandOutcome.Aborted));
    }

    [Fact]
    public void Withstand_ScheduledInterlock_OpensInDwell()
    {
        var run = new WithstandRun(Ac2500, 0, 1e-9, 1e9, null, null, interlockOpenAtDwellS: 90);
        Assert.Equal(100, run.ScheduledInterlockOpenS);
        Assert.True(run.At(99).OutputOn);
        Assert.Equal(WithstandOutcome.Interlock, run.At(100).Outcome);
    }

    [Fact]
    public void InstrumentClock_RunsTimeScaleFasterThanWall()
    {
        var wall = new FakeTimeProvider();
        var clock = new InstrumentClock(wall, 60);
        wall.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(300, clock.NowS, 6);
        Assert.Equal(TimeSpan.FromSeconds(5), clock.ToWall(TimeSpan.FromMinutes(5)));
    }
}
