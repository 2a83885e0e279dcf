using System.Globalization;
using CableTest.Domain.Uncertainty;

namespace CableTest.Domain.Verdicts;

/// <summary>How a result's uncertainty budget meets its decision rule (ILAC-G8:09/2019 4.2, w = U).</summary>
public sealed partial class VerdictEngine
{
    /// <summary>
    /// The rule to decide with: one that takes U from the budget gets the compared quantity's reported U (null when
    /// there is no budget: the caller answers no_uncertainty_budget); simple acceptance without a stated U records the
    /// budget's U (w stays 0); a rule with U from the request is kept as agreed.
    /// </summary>
    private static DecisionRule? ResolveRule(DecisionRule rule, BudgetOutcome budgets)
    {
        var compared = budgets.Compared;
        if (rule.AwaitsBudget)
        {
            return compared is null ? null : rule.WithBudgetUncertainty(compared.ReportedExpandedUncertainty);
        }

        return rule.UncertaintySource == UncertaintySource.None && compared is not null
            ? rule.WithBudgetUncertainty(compared.ReportedExpandedUncertainty)
            : rule;
    }

    /// <summary>The inconclusive verdict for a rule that needs the budget's U when there is no budget.</summary>
    private static TestVerdict NoBudget(TestKind kind, TestEvidence evidence, StandardReference reference, IReadOnlyList<string> warnings, BudgetOutcome budgets, DecisionRule rule) =>
        TestVerdict.Problem(kind, Outcome.Inconclusive, ReasonCodes.NoUncertaintyBudget,
            "the decision rule takes U from the result's uncertainty budget and there is none ("
            + (budgets.Problems.Count > 0 ? string.Join("; ", budgets.Problems) : "no accuracy data was given for the instrument")
            + "): give the instrument's accuracy for the range used, or agree U with the request", evidence, reference, warnings) with { DecisionRule = rule };

    /// <summary>What the customer must know about the budgets: what is missing from them and which rows are unverified (M).</summary>
    private static IEnumerable<string> BudgetWarnings(BudgetOutcome budgets)
    {
        foreach (var problem in budgets.Problems)
        {
            yield return "uncertainty: " + problem;
        }

        foreach (var budget in budgets.Budgets.Where(b => !b.Verified))
        {
            var rows = budget.Components.Where(c => !c.Verified).Select(c => c.Source).Distinct(StringComparer.Ordinal);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"uncertainty of {budget.Quantity} uses unverified (M) accuracy data: {string.Join("; ", rows)}: check it against the manufacturer's data sheet");
        }
    }
}
