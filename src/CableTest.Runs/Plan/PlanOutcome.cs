namespace CableTest.Runs.Plan;

/// <summary>A checked plan, or every reason there is none.</summary>
/// <param name="Plan">The plan when nothing is wrong, else null.</param>
/// <param name="Violations">One per problem, each naming the field and the fix (empty when <paramref name="Plan"/> is set).</param>
public sealed record PlanOutcome(TestPlan? Plan, IReadOnlyList<PlanViolation> Violations)
{
    /// <summary>True when the plan can run.</summary>
    public bool IsValid => Plan is not null;
}
