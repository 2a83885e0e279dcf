using CableTest.Runs.Plan;
using CableTest.Service.Grpc;

namespace CableTest.Service.Runs;

/// <summary>A refused plan at the edge: INVALID_ARGUMENT when something in the request or sample is wrong, else FAILED_PRECONDITION; one violation per problem either way.</summary>
internal static class PlanRefusal
{
    public static void ThrowIfAny(IReadOnlyList<PlanViolation> violations)
    {
        if (violations.Count == 0)
        {
            return;
        }

        if (violations.Any(v => v.Kind == PlanViolationKind.InvalidArgument))
        {
            throw new RequestValidationException([.. violations.Select(v => new FieldViolation(v.Field, v.Problem))]);
        }

        throw new PreconditionFailedException([.. violations.Select(v => new PreconditionViolation(TypeOf(v), v.Field, v.Problem))]);
    }

    private static string TypeOf(PlanViolation violation) => violation.Problem.StartsWith("calibration overdue", StringComparison.Ordinal)
        ? RunRefusals.CalibrationOverdue
        : "plan_not_runnable";
}
