using CableTest.Instruments.Profiles;
using CableTest.Runs.Procedures.ConductorResistance;
using CableTest.Runs.Procedures.InsulationResistance;
using CableTest.Runs.Procedures.VoltageWithstand;
using CableTest.Runs.Tests.Procedures.Fakes;

namespace CableTest.Runs.Tests.Procedures;

/// <summary>
/// With the simulator profiles' accuracy passed as the host will (issue 12 must-show: every verdict of a simulated
/// run has an expanded uncertainty for each measured quantity), each procedure's verdict carries a budget per quantity.
/// </summary>
public sealed class SimulatorProfileBudgetTests
{
    private static readonly ProfileCatalogue Profiles = ProfileCatalogue.LoadDefault();
    private readonly Bench _bench = new();

    [Fact]
    public async Task ConductorStep_SimOhmAndSimAmbient_BudgetsOfR20RAndT()
    {
        var options = new ConductorResistanceOptions
        {
            MeterAccuracy = Profiles.Get("sim-ohm").Accuracy.For("resistance_ohm"),
            ThermometerAccuracy = Profiles.Get("sim-ambient").Accuracy.For("temperature_c"),
            LengthTapeClass = 2,
        };

        var result = await _bench.DriveAsync(() => new ConductorResistanceProcedure(new FakeResistanceMeter(_bench, 0.70, 0.71, 0.72), "ohm", "amb", options)
            .RunAsync(_bench.Context("cr-1"), Plans.Bv25(), 1, 20, CancellationToken.None), TimeSpan.FromMilliseconds(200));

        Assert.Equal(["r20_ohm_per_km", "measured_resistance_ohm", "conductor_temperature_c"], result.Verdict.Uncertainty.Select(b => b.Quantity));
        Assert.All(result.Verdict.Uncertainty, b => Assert.True(b.ExpandedUncertainty > 0));
    }

    [Fact]
    public async Task InsulationStep_SimMegger_BudgetsOfRLAndR()
    {
        var options = new InsulationResistanceOptions { MeterAccuracy = Profiles.Get("sim-megger").Accuracy.For("resistance_ohm"), LengthTapeClass = 2 };

        var result = await _bench.DriveAsync(() => new InsulationResistanceProcedure(new FakeInsulationTester(_bench), "ir", "amb", options)
            .RunAsync(_bench.Context("ir-1"), Plans.Bv25(), 1, 20, CancellationToken.None), TimeSpan.FromMilliseconds(200));

        Assert.Equal(["r_l_mohm_km", "measured_resistance_mohm"], result.Verdict.Uncertainty.Select(b => b.Quantity));
        Assert.Equal(["sim", "sim", "M"], result.Verdict.Uncertainty[0].Components.Select(c => c.Tag)); // the tape class coefficients are M
    }

    [Fact]
    public async Task WithstandStep_SimHipot_BudgetOfTheAppliedVoltage()
    {
        var options = new VoltageWithstandOptions { VoltmeterAccuracy = Profiles.Get("sim-hipot").Accuracy.For("voltage_v") };

        var result = await _bench.DriveAsync(() => new VoltageWithstandProcedure(new FakeWithstandTester(_bench), "hipot", _bench, options)
            .RunAsync(_bench.Context("vw"), Plans.Bv25(), CancellationToken.None), TimeSpan.FromMilliseconds(200));

        Assert.Equal("applied_kv", Assert.Single(result.Verdict.Uncertainty).Quantity);
    }
}
