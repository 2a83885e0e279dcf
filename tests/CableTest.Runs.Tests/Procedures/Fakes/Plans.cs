using CableTest.Domain.Samples;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;

namespace CableTest.Runs.Tests.Procedures.Fakes;

/// <summary>Plans resolved from the shipped catalogue for the procedure tests.</summary>
internal static class Plans
{
    private static readonly StandardsCatalogue Catalogue = StandardsCatalogue.LoadDefault();

    /// <summary>BV 450/750 V 1×2.5 mm², 100 m: IEC 60227 R_L in the water bath; 2.5 kV AC for 300 s; 7.41 Ω/km.</summary>
    public static TestPlan Bv25(VoltageKind kind = VoltageKind.AC, double? d = 1.78, double? outer = 3.38, double lengthM = 100) =>
        Plan("gbt5023.3-227iec01-bv-450/750", 2.5m, 1, kind, d, outer, lengthM);

    /// <summary>VV 0.6/1 kV 1×16 mm², 100 m: PVC/A Ki in air (36.7 MΩ·km at 20 °C); 3.5 kV AC (or its DC alternative).</summary>
    public static TestPlan Vv16(VoltageKind kind = VoltageKind.AC, double? d = 4.8, double? outer = 6.2) =>
        Plan("gbt12706.1-vv-0.6/1", 16m, 2, kind, d, outer, 100);

    /// <summary>A plan whose sample has a rated voltage no voltage-test table lists.</summary>
    public static TestPlan UnlistedRating()
    {
        var plan = Bv25();
        return plan with { Sample = plan.Sample with { RatedVoltage = "99/99 kV" } };
    }

    private static TestPlan Plan(string specId, decimal csa, int conductorClass, VoltageKind kind, double? d, double? outer, double lengthM)
    {
        var spec = Catalogue.FindProductSpec(specId)!;
        var resolved = Catalogue.ResolveSample(spec.ProductCode, spec.RatedVoltage.ToString(), csa, 1, conductorClass).Value!;
        var sample = new CableSample("S-1", "L-42", spec.Id, spec.Title, resolved.Conductor, 1, lengthM, d, outer, spec.RatedVoltage.ToString(), "", Bench.T0);
        return new TestPlan(sample, resolved, new RunSettings(DecisionRule.SimpleAcceptance, KtMethod.Alpha20, kind),
        [
            new("ambient", StepKind.Ambient, "", "Ambient and settling check"),
            new("cr-1", StepKind.ConductorResistance, "1", "Conductor resistance, core 1"),
            new("ir-1", StepKind.InsulationResistance, "1", "Insulation resistance, core 1"),
            new("vw", StepKind.VoltageWithstand, "all", "Voltage withstand"),
            new("evaluate", StepKind.Evaluate, "", "Evaluation and verdict"),
        ]);
    }
}
