namespace CableTest.Domain.Verdicts;

/// <summary>
/// A sample's overall outcome, derived from its tests by <see cref="Rule"/>:
/// no tests: incomplete; any fail: fail; else any invalid, inconclusive, error or retest:
/// incomplete; else any conditional fail: conditional fail; else any conditional pass:
/// conditional pass; else pass.
/// </summary>
public sealed record SampleVerdict(Outcome Outcome, IReadOnlyList<TestVerdict> Tests)
{
    /// <summary>The documented rule, as stated in every sample verdict (outcome_rule).</summary>
    public const string Rule =
        "cabletest-sample-rule/1: no tests -> incomplete; any fail -> fail; else any invalid, inconclusive, error or retest -> incomplete; " +
        "else any conditional_fail -> conditional_fail; else any conditional_pass -> conditional_pass; else pass";

    /// <summary>Applies <see cref="Rule"/> to <paramref name="tests"/>.</summary>
    public static SampleVerdict Derive(IEnumerable<TestVerdict> tests)
    {
        var list = tests.ToList();
        var outcomes = list.Select(t => t.Outcome).ToList();
        Outcome outcome;
        if (outcomes.Count == 0)
        {
            outcome = Outcome.Incomplete;
        }
        else if (outcomes.Contains(Outcome.Fail))
        {
            outcome = Outcome.Fail;
        }
        else if (outcomes.Any(o => !o.IsStatement()))
        {
            outcome = Outcome.Incomplete;
        }
        else if (outcomes.Contains(Outcome.ConditionalFail))
        {
            outcome = Outcome.ConditionalFail;
        }
        else if (outcomes.Contains(Outcome.ConditionalPass))
        {
            outcome = Outcome.ConditionalPass;
        }
        else
        {
            outcome = Outcome.Pass;
        }

        return new SampleVerdict(outcome, list);
    }
}
