using CableTest.Domain.Samples;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;

namespace CableTest.Runs.Tests.Model;

/// <summary>A BV 450/750 V 1×2.5 mm² plan resolved from the shipped catalogue.</summary>
internal static class PlanFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    public static TestPlan Bv25()
    {
        var catalogue = StandardsCatalogue.LoadDefault();
        var spec = catalogue.FindProductSpec("gbt5023.3-227iec01-bv-450/750")!;
        var resolved = catalogue.ResolveSample(spec.ProductCode, spec.RatedVoltage.ToString(), 2.5m, 1, 1).Value!;
        var sample = new CableSample("S-1", "L-42", spec.Id, spec.Title, resolved.Conductor, 1, 100, 1.78, 3.38, spec.RatedVoltage.ToString(), "", T0);
        return new TestPlan(sample, resolved, new RunSettings(DecisionRule.SimpleAcceptance, KtMethod.Alpha20, VoltageKind.AC),
        [
            new("ambient", StepKind.Ambient, "", "Ambient and settling check"),
            new("cr-1", StepKind.ConductorResistance, "1", "Conductor resistance, core 1"),
            new("vw", StepKind.VoltageWithstand, "all", "Voltage withstand"),
            new("evaluate", StepKind.Evaluate, "", "Evaluation and verdict"),
        ]);
    }

    public static StepResult Result(TestKind kind, Outcome outcome) => new(new TestVerdict { Kind = kind, Outcome = outcome }, T0);
}
