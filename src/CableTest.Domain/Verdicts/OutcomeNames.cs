namespace CableTest.Domain.Verdicts;

/// <summary>Wire names of <see cref="Outcome"/>: "pass", "conditional_pass", "conditional_fail", "fail", "invalid", "inconclusive", "error", "retest", "incomplete".</summary>
public static class OutcomeNames
{
    public static string ToWireName(this Outcome outcome) => outcome switch
    {
        Outcome.Pass => "pass",
        Outcome.ConditionalPass => "conditional_pass",
        Outcome.ConditionalFail => "conditional_fail",
        Outcome.Fail => "fail",
        Outcome.Invalid => "invalid",
        Outcome.Inconclusive => "inconclusive",
        Outcome.Error => "error",
        Outcome.Retest => "retest",
        Outcome.Incomplete => "incomplete",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>True for outcomes that are a statement of conformity (pass, conditional pass/fail, fail).</summary>
    public static bool IsStatement(this Outcome outcome) =>
        outcome is Outcome.Pass or Outcome.ConditionalPass or Outcome.ConditionalFail or Outcome.Fail;
}
