namespace CableTest.Domain.Verdicts;

/// <summary>
/// ILAC-G8:09/2019 4.2 in exact decimal arithmetic. Upper limit TL, guard band w, AL = TL - w:
/// pass at or below AL; conditional pass in (AL, TL]; conditional fail in (TL, TL + w]; fail
/// above. Lower limits mirror it (AL = TL + w: pass at or above AL; conditional pass [TL, AL);
/// conditional fail [TL - w, TL); fail below). A value exactly at TL passes under simple
/// acceptance. Binary rules give pass (within AL) or fail.
/// </summary>
public static class ConformityDecision
{
    /// <summary>
    /// Decides <paramref name="measured"/> against <paramref name="toleranceLimit"/>.
    /// <paramref name="relativeTolerance"/> widens every boundary comparison in favour of equality
    /// by that fraction of the boundary; 0 (the default) compares exactly. The engine uses 1e-12
    /// only for quantities computed through logarithms (Ki, rho).
    /// </summary>
    public static Decision Decide(decimal measured, decimal toleranceLimit, LimitType limitType, DecisionRule rule, decimal relativeTolerance = 0m)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.AwaitsBudget)
        {
            throw new InvalidOperationException("the decision rule takes U from the uncertainty budget: give it the budget's U first (DecisionRule.WithBudgetUncertainty)");
        }

        var w = rule.Kind == DecisionRuleKind.SimpleAcceptance ? 0m : rule.GuardBand;
        if (limitType == LimitType.Upper)
        {
            var al = toleranceLimit - w;
            var outcome = rule.Kind switch
            {
                DecisionRuleKind.NonBinaryGuardBand =>
                    AtMost(measured, al, relativeTolerance) ? Outcome.Pass
                    : AtMost(measured, toleranceLimit, relativeTolerance) ? Outcome.ConditionalPass
                    : AtMost(measured, toleranceLimit + w, relativeTolerance) ? Outcome.ConditionalFail
                    : Outcome.Fail,
                _ => AtMost(measured, al, relativeTolerance) ? Outcome.Pass : Outcome.Fail,
            };
            return new Decision(outcome, toleranceLimit, al, limitType);
        }
        else
        {
            var al = toleranceLimit + w;
            var outcome = rule.Kind switch
            {
                DecisionRuleKind.NonBinaryGuardBand =>
                    AtLeast(measured, al, relativeTolerance) ? Outcome.Pass
                    : AtLeast(measured, toleranceLimit, relativeTolerance) ? Outcome.ConditionalPass
                    : AtLeast(measured, toleranceLimit - w, relativeTolerance) ? Outcome.ConditionalFail
                    : Outcome.Fail,
                _ => AtLeast(measured, al, relativeTolerance) ? Outcome.Pass : Outcome.Fail,
            };
            return new Decision(outcome, toleranceLimit, al, limitType);
        }
    }

    private static bool AtMost(decimal value, decimal bound, decimal rel) => value <= bound + (Math.Abs(bound) * rel);

    private static bool AtLeast(decimal value, decimal bound, decimal rel) => value >= bound - (Math.Abs(bound) * rel);
}
