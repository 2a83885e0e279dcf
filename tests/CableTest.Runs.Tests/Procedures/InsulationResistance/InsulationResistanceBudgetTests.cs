using CableTest.Domain.Uncertainty;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;
using CableTest.Runs.Procedures.InsulationResistance;
using CableTest.Runs.Tests.Procedures.Fakes;

namespace CableTest.Runs.Tests.Procedures.InsulationResistance;

/// <summary>The insulation step passes the tester's accuracy to the engine: the verdict carries the budget (issue 12).</summary>
public sealed class InsulationResistanceBudgetTests
{
    private readonly Bench _bench = new();

    private Task<StepResult> Run(InsulationResistanceOptions options, TestPlan? plan = null) =>
        _bench.DriveAsync(() => new InsulationResistanceProcedure(new FakeInsulationTester(_bench), "ir-meter", "amb-1", options)
            .RunAsync(_bench.Context("ir-1"), plan ?? Plans.Bv25(), 1, 20, CancellationToken.None), TimeSpan.FromMilliseconds(200));

    [Fact]
    public async Task RunAsync_SourceAndAmmeterAccuracy_BudgetOfRLByVOverI()
    {
        var source = new InstrumentAccuracy("keithley-6517b", "voltage_v", "V", "recalled", [new AccuracyRow(1000m, 0.05m, 0.15m, 0m, 0.1m, 0, "M", [])]);
        var ammeter = new InstrumentAccuracy("keithley-6517b", "current_a", "A", "1 year", [new AccuracyRow(0.000002m, 0.000000000001m, 0.1m, 0m, 0.0000000001m, 0, "V1", ["A1"])]);

        var result = await Run(new InsulationResistanceOptions { SourceAccuracy = source, AmmeterAccuracy = ammeter, LengthTapeClass = 2 });

        var rl = result.Verdict.Uncertainty[0];
        Assert.Equal("r_l_mohm_km", rl.Quantity);
        Assert.Equal(["V", "I", "I", "L"], rl.Components.Select(c => c.Symbol));
        Assert.Equal("measured_resistance_mohm", result.Verdict.Uncertainty[1].Quantity);
    }

    [Theory]
    [InlineData(true, 69.9)]
    [InlineData(false, null)]
    public async Task RunAsync_BathMeasured_TestTemperatureBudget_ConfiguredNone(bool withThermometer, double? budgetedC)
    {
        var meter = new InstrumentAccuracy("sim-ir", "resistance_ohm", "Ω", "sim", [new AccuracyRow(1e13m, 1000m, 5m, 0m, 0m, 0, "sim", [])]);
        var pt100 = new InstrumentAccuracy("sim-bath", "temperature_c", "°C", "sim", [new AccuracyRow(200m, 0.1m, 0m, 0m, 0.2m, 0, "sim", [])]);
        var procedure = new InsulationResistanceProcedure(new FakeInsulationTester(_bench), "ir-meter", "amb-1",
            new InsulationResistanceOptions { MeterAccuracy = meter, BathAccuracy = pt100 })
        {
            Bath = withThermometer ? (new FakeBathThermometer(_bench, 69.6, 70.2), "bath-1") : null,
        };

        var result = await _bench.DriveAsync(() => procedure.RunAsync(_bench.Context("ir-1"), Plans.Bv25(), 1, 20, CancellationToken.None), TimeSpan.FromMilliseconds(200));

        // Measured in the bath: the temperature's own budget from the PT100's accuracy; the configured 70 °C has none.
        var temperature = result.Verdict.Uncertainty.SingleOrDefault(b => b.Quantity == "test_temperature_c");
        Assert.Equal(budgetedC, temperature?.Value);
        Assert.Equal(withThermometer ? 0.24m : null, temperature?.ReportedExpandedUncertainty);
        Assert.Equal("r_l_mohm_km", result.Verdict.Uncertainty[0].Quantity);
    }

    [Fact]
    public async Task RunAsync_NoAccuracy_NoBudget()
    {
        var result = await Run(new InsulationResistanceOptions());

        Assert.Empty(result.Verdict.Uncertainty);
    }
}
