using CableTest.Instruments.Drivers;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;
using CableTest.Service.Grpc;

namespace CableTest.Service.Runs;

/// <summary>
/// StartRun's bench precondition (issue 16 item 4): refused with FAILED_PRECONDITION, one violation per instrument,
/// while an instrument the plan needs does not answer and, above all, while the withstand tester's high voltage
/// cannot be confirmed off, whatever the plan. Asked before anything moves: nothing stored, nothing recorded.
/// </summary>
internal static class StartReadiness
{
    /// <summary>Asks the bench (<see cref="Bench.Bench.ReadinessAsync"/>) and throws when it is not ready for <paramref name="plan"/>.</summary>
    public static async Task ThrowIfNotReadyAsync(Bench.Bench bench, TestPlan plan, CancellationToken cancellationToken)
    {
        var violations = await ViolationsAsync(bench, plan, cancellationToken).ConfigureAwait(false);
        if (violations.Count > 0)
        {
            throw new PreconditionFailedException(violations);
        }
    }

    /// <summary>The violations, high voltage first; empty when the bench is ready.</summary>
    public static async Task<IReadOnlyList<PreconditionViolation>> ViolationsAsync(Bench.Bench bench, TestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        // An immersed insulation test reads the bath thermometer when the bench has one: it must answer too.
        IReadOnlyList<InstrumentRole> roles = bench.Bath is not null && plan.Requirements.Spec.InsulationResistanceType is not null && plan.Steps.Any(s => s.Kind == StepKind.InsulationResistance)
            ? [.. Roles(plan), InstrumentRole.BathThermometer]
            : Roles(plan);
        var problems = await bench.ReadinessAsync(roles, cancellationToken).ConfigureAwait(false);
        return [.. problems.Select(p => new PreconditionViolation(p.Kind, p.Subject, p.Description))];
    }

    /// <summary>The roles a plan's steps use, and the ambient sensor always (every run starts with the ambient check).</summary>
    public static IReadOnlyList<InstrumentRole> Roles(TestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [InstrumentRole.AmbientSensor, .. plan.Steps.Select(s => RoleOf(s.Kind)).OfType<InstrumentRole>().Distinct()];
    }

    private static InstrumentRole? RoleOf(StepKind kind) => kind switch
    {
        StepKind.Ambient => InstrumentRole.AmbientSensor,
        StepKind.ConductorResistance => InstrumentRole.ConductorResistanceMeter,
        StepKind.InsulationResistance => InstrumentRole.InsulationTester,
        StepKind.VoltageWithstand => InstrumentRole.WithstandTester,
        _ => null,
    };
}
