using CableTest.Domain.Samples;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Drivers;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;
using CableTest.Runs.Tests.Model;

namespace CableTest.Runs.Tests.Plan;

public sealed class TestPlanBuilderTests
{
    private static readonly StandardsCatalogue Catalogue = StandardsCatalogue.LoadDefault();
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly RunSettings Settings = new(DecisionRule.SimpleAcceptance, KtMethod.Alpha20, VoltageKind.AC);

    private static BenchFacts FullBench(DateOnly? due = null, bool block = true) => new(
    [
        new("ohm-1", InstrumentRole.ConductorResistanceMeter, due),
        new("ir-1", InstrumentRole.InsulationTester, due),
        new("hv-1", InstrumentRole.WithstandTester, due),
        new("amb-1", InstrumentRole.AmbientSensor, due),
    ], block, Today);

    private static CableSample Sample(string specId = "gbt5023.3-227iec01-bv-450/750", decimal csa = 2.5m, double? d = 1.78, double? bigD = 3.38, int cls = 1, double lengthM = 100)
    {
        var spec = Catalogue.FindProductSpec(specId)!;
        return new CableSample("S-1", "L-1", spec.Id, spec.Title, new ConductorSpec(cls, spec.Material, spec.Coated, csa), 1, lengthM, d, bigD, spec.RatedVoltage.ToString(), "", PlanFixtures.T0);
    }

    private static PlanOutcome Build(CableSample sample, BenchFacts? bench = null, params TestKind[] tests) =>
        new TestPlanBuilder(Catalogue).Build(new PlanRequest(sample, tests, Settings, bench ?? FullBench()));

    private static string? Yjv() => Catalogue.ProductSpecs.FirstOrDefault(s => s.InsulationResistanceType is null && s.InsulationResistanceCompound is not null)?.Id;

    [Fact]
    public void Build_GoodBv_PlansEveryStepInOrder()
    {
        var outcome = Build(Sample());
        Assert.True(outcome.IsValid, string.Join("; ", outcome.Violations));
        Assert.Equal(["ambient", "cr-1", "ir-1", "vw", "evaluate"], outcome.Plan!.Steps.Select(s => s.StepId));
        Assert.Equal(StepKind.VoltageWithstand, outcome.Plan.Steps[3].Kind);
    }

    [Fact]
    public void Build_BvWithoutDiameters_Runs_BecauseRlNeedsNoDiameters()
    {
        var outcome = Build(Sample(d: null, bigD: null));
        Assert.True(outcome.IsValid, string.Join("; ", outcome.Violations));
    }

    [Fact]
    public void Build_KiSpecWithoutDiameters_OneViolationPerMissingDiameter()
    {
        var yjv = Yjv();
        Assert.NotNull(yjv);
        var spec = Catalogue.FindProductSpec(yjv)!;
        var csa = spec.MinCrossSectionMm2 is { } min && min > 16 ? min : 16m;
        var outcome = Build(Sample(yjv, csa: csa, d: null, bigD: null, cls: spec.ConductorClasses[0]));
        Assert.False(outcome.IsValid);
        Assert.Contains(outcome.Violations, v => v.Field == "conductor_diameter_mm" && v.Kind == PlanViolationKind.InvalidArgument);
        Assert.Contains(outcome.Violations, v => v.Field == "insulation_outer_diameter_mm" && v.Problem.Contains("Ki", StringComparison.Ordinal));
        Assert.True(Build(Sample(yjv, csa: csa, d: null, bigD: null, cls: spec.ConductorClasses[0]), null, TestKind.ConductorResistance).IsValid);
    }

    [Theory]
    [InlineData(double.NaN, 3.38, "conductor_diameter_mm")]
    [InlineData(0.0, 3.38, "conductor_diameter_mm")]
    [InlineData(-1.78, 3.38, "conductor_diameter_mm")]
    [InlineData(1.78, double.PositiveInfinity, "insulation_outer_diameter_mm")]
    [InlineData(3.38, 1.78, "insulation_outer_diameter_mm")]
    [InlineData(1.78, 1.78, "insulation_outer_diameter_mm")]
    public void Build_ImpossibleDiameters_RefusedNamingTheField(double d, double bigD, string field)
    {
        var outcome = Build(Sample(d: d, bigD: bigD));
        var violation = Assert.Single(outcome.Violations);
        Assert.Equal(field, violation.Field);
        Assert.Equal(PlanViolationKind.InvalidArgument, violation.Kind);
    }

    [Fact]
    public void Build_UntabulatedSize_ConductorAndInsulationLimitsMissing_BothNamed()
    {
        var outcome = Build(Sample(csa: 3m));
        Assert.False(outcome.IsValid);
        Assert.True(outcome.Violations.Count(v => v.Field is "cross_section_mm2" or "spec_id") >= 1, string.Join("; ", outcome.Violations));
        Assert.All(outcome.Violations, v => Assert.Contains("; ", v.Problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NoWithstandTester_PreconditionNamesTheRole_OnlyWhenTheTestIsAsked()
    {
        var bench = FullBench() with { Instruments = [.. FullBench().Instruments.Where(i => i.Role != InstrumentRole.WithstandTester)] };
        var violation = Assert.Single(Build(Sample(), bench).Violations);
        Assert.Equal("bench.withstand_tester", violation.Field);
        Assert.Equal(PlanViolationKind.FailedPrecondition, violation.Kind);
        Assert.True(Build(Sample(), bench, TestKind.ConductorResistance).IsValid);
    }

    [Fact]
    public void Build_CalibrationOverdue_BlockRefusesEveryOverdueInstrument_InconclusiveRuns()
    {
        var blocked = Build(Sample(), FullBench(new DateOnly(2020, 1, 1)));
        Assert.Equal(4, blocked.Violations.Count(v => v.Problem.StartsWith("calibration overdue", StringComparison.Ordinal)));
        Assert.True(Build(Sample(), FullBench(new DateOnly(2020, 1, 1), block: false)).IsValid);
        Assert.True(Build(Sample(), FullBench(Today)).IsValid);
    }

    [Fact]
    public void Build_InstrumentCannotReach_RangeViolations()
    {
        var bench = FullBench() with
        {
            Instruments =
            [
                new("ohm-1", InstrumentRole.ConductorResistanceMeter) { MaxReach = 0.1 },
                new("ir-1", InstrumentRole.InsulationTester),
                new("hv-1", InstrumentRole.WithstandTester) { MaxReach = 1.0 },
                new("amb-1", InstrumentRole.AmbientSensor),
            ],
        };
        var outcome = Build(Sample(), bench);
        Assert.Contains(outcome.Violations, v => v.Field == "length_m" && v.Problem.Contains("0.1 ohm", StringComparison.Ordinal));
        Assert.Contains(outcome.Violations, v => v.Field == "withstand_voltage_kind" && v.Problem.Contains("2.5", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NotReadyInstrument_Refused()
    {
        var bench = FullBench() with { Instruments = [.. FullBench().Instruments.Select(i => i.Role == InstrumentRole.WithstandTester ? i with { NotReady = "high voltage not confirmed off" } : i)] };
        var violation = Assert.Single(Build(Sample(), bench).Violations);
        Assert.Contains("high voltage not confirmed off", violation.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ManyProblems_AllReportedAtOnce()
    {
        var outcome = Build(Sample(d: double.NaN, bigD: -1, lengthM: 0), FullBench(new DateOnly(2020, 1, 1)));
        Assert.Contains(outcome.Violations, v => v.Field == "length_m");
        Assert.Contains(outcome.Violations, v => v.Field == "conductor_diameter_mm");
        Assert.Contains(outcome.Violations, v => v.Field == "insulation_outer_diameter_mm");
        Assert.Contains(outcome.Violations, v => v.Kind == PlanViolationKind.FailedPrecondition);
    }

    [Fact]
    public void Geometry_RegistrationNumbers_SameRules()
    {
        Assert.Empty(SampleChecks.Geometry(2.5, 100, null, null));
        Assert.Empty(SampleChecks.Geometry(2.5, 100, 1.78, 3.38));
        Assert.Equal(["cross_section_mm2", "length_m"], SampleChecks.Geometry(double.NaN, -5, null, null).Select(v => v.Field));
        Assert.Equal("insulation_outer_diameter_mm", Assert.Single(SampleChecks.Geometry(2.5, 100, 4, 3)).Field);
    }
}
