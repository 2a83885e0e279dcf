namespace CableTest.Runs.Plan;

/// <summary>Whether a plan problem is in the request/sample or in the bench/catalogue.</summary>
public enum PlanViolationKind
{
    /// <summary>The sample or request is wrong (INVALID_ARGUMENT).</summary>
    InvalidArgument,

    /// <summary>The bench, its calibration or the catalogue cannot serve the plan now (FAILED_PRECONDITION).</summary>
    FailedPrecondition,
}
