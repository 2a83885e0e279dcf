namespace CableTest.Domain.Uncertainty;

/// <summary>The budgets of one verdict and what kept a component or a budget out (said to the customer as warnings).</summary>
/// <param name="Budgets">The compared quantity first (<see cref="UncertaintyBudget.Compared"/>), then the measured inputs.</param>
/// <param name="Problems">e.g. "the reading 150 Ω is above every range of keysight-34465a: no budget".</param>
public sealed record BudgetOutcome(IReadOnlyList<UncertaintyBudget> Budgets, IReadOnlyList<string> Problems)
{
    public static BudgetOutcome None { get; } = new([], []);

    /// <summary>The budget of the compared quantity, or null.</summary>
    public UncertaintyBudget? Compared => Budgets.FirstOrDefault(b => b.Compared);
}
