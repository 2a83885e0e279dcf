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

    [Fact]
    public async Task RunAsync_NoAccuracy_NoBudget()
    {
        var result = await Run(new InsulationResistanceOptions());

        Assert.Empty(result.Verdict.Uncertainty);
    }
}
