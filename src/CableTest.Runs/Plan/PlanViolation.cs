namespace CableTest.Runs.Plan;

/// <summary>One reason a plan cannot run, naming the field and what would fix it.</summary>
/// <param name="Field">The request or sample field (snake_case, as the API names it), e.g. "conductor_diameter_mm".</param>
/// <param name="Problem">In the user's words: what is wrong and what would fix it.</param>
/// <param name="Kind">Bad input (the request can be corrected) or a precondition of the bench/catalogue.</param>
public sealed record PlanViolation(string Field, string Problem, PlanViolationKind Kind = PlanViolationKind.InvalidArgument);
