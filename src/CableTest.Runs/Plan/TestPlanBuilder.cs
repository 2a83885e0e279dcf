using System.Globalization;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Runs.Model;

namespace CableTest.Runs.Plan;

/// <summary>
/// Builds a run's plan from the sample, its product spec, the request's settings and the bench, and refuses it
/// (every problem at once, one violation each, naming the field and the fix) when some step could not produce a
/// verdict: missing or impossible geometry, no tabulated limit, no instrument for a role, an instrument that cannot
/// reach the expected value, calibration overdue under the block policy. Pure: nothing moves while it runs.
/// </summary>
public sealed partial class TestPlanBuilder(StandardsCatalogue catalogue)
{
    private static readonly TestKind[] AllTests = [TestKind.ConductorResistance, TestKind.InsulationResistance, TestKind.VoltageWithstand];

    /// <summary>The criterion an insulation test is judged by: R_L for an IEC 60227 type (its table), Ki for an IEC 60502-1 compound.</summary>
    public static InsulationCriterion InsulationCriterionFor(SampleRequirements requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        return requirements.Spec.InsulationResistanceType is not null ? InsulationCriterion.ResistanceLength : InsulationCriterion.Ki;
    }

    /// <summary>The plan, or every reason it cannot run.</summary>
    public PlanOutcome Build(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sample = request.Sample;
        var tests = request.Tests.Count == 0 ? AllTests : [.. AllTests.Where(request.Tests.Contains)];
        var violations = new List<PlanViolation>(SampleChecks.Geometry((double)sample.Conductor.CrossSectionMm2, sample.LengthM, sample.ConductorDiameterMm, sample.InsulationOuterDiameterMm));
        var requirements = Resolve(sample, violations);
        if (requirements is not null)
        {
            foreach (var test in tests)
            {
                CheckTest(test, request, requirements, violations);
            }
        }

        CheckBench(tests, request.Bench, violations);
        if (violations.Count > 0)
        {
            return new PlanOutcome(null, violations);
        }

        return new PlanOutcome(new TestPlan(sample, requirements!, request.Settings, Steps(sample.Cores, tests)), []);
    }

    /// <summary>Ambient check, conductor resistance per core, insulation resistance per core, withstand (all cores), evaluation.</summary>
    public static IReadOnlyList<PlannedStep> Steps(int cores, IReadOnlyCollection<TestKind> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var steps = new List<PlannedStep> { new("ambient", StepKind.Ambient, "", "Ambient and settling check") };
        for (var core = 1; core <= cores && tests.Contains(TestKind.ConductorResistance); core++)
        {
            steps.Add(new($"cr-{core}", StepKind.ConductorResistance, Core(core), $"Conductor resistance, core {core}"));
        }

        for (var core = 1; core <= cores && tests.Contains(TestKind.InsulationResistance); core++)
        {
            steps.Add(new($"ir-{core}", StepKind.InsulationResistance, Core(core), $"Insulation resistance, core {core}"));
        }

        if (tests.Contains(TestKind.VoltageWithstand))
        {
            steps.Add(new("vw", StepKind.VoltageWithstand, "all", "Voltage withstand"));
        }

        steps.Add(new("evaluate", StepKind.Evaluate, "", "Evaluation and verdict"));
        return steps;
    }

    private SampleRequirements? Resolve(Domain.Samples.CableSample sample, List<PlanViolation> violations)
    {
        var spec = catalogue.FindProductSpec(sample.SpecId);
        if (spec is null)
        {
            violations.Add(new PlanViolation("spec_id", $"product spec \"{sample.SpecId}\" is not in the standards catalogue (ListProductSpecs names them); register the sample again with a listed spec", PlanViolationKind.FailedPrecondition));
            return null;
        }

        if (sample.Conductor.CrossSectionMm2 <= 0 || sample.Cores < 1)
        {
            return null;
        }

        var resolved = catalogue.ResolveSample(spec.ProductCode, spec.RatedVoltage.ToString(), sample.Conductor.CrossSectionMm2, sample.Cores, sample.Conductor.ConductorClass);
        if (!resolved.Found)
        {
            violations.Add(new PlanViolation("spec_id", (resolved.Detail ?? "the sample is outside its product spec") + "; register the sample with a size, class and core count the spec covers"));
            return null;
        }

        return resolved.Value;
    }

    private static string Core(int core) => core.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
