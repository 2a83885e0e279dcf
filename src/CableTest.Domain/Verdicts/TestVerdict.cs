using CableTest.Domain.Uncertainty;

namespace CableTest.Domain.Verdicts;

/// <summary>
/// The verdict on one test: outcome, reason (for invalid, inconclusive, error, retest, and the
/// cause of a withstand fail), the standard, edition, clause and method, the decision rule, every
/// number computed with the limit (<see cref="Evidence"/>), the uncertainty budgets and warnings the customer
/// must see (e.g. a limit from an unverified M row). Mirrors cabletest.v1.TestVerdict.
/// </summary>
public sealed record TestVerdict
{
    public required TestKind Kind { get; init; }

    public required Outcome Outcome { get; init; }

    /// <summary>A <see cref="ReasonCodes"/> value; null for plain pass and fail statements.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Human-readable reason.</summary>
    public string? Reason { get; init; }

    public StandardReference? Reference { get; init; }

    /// <summary>Null for tests that are not a comparison with a limit (voltage withstand).</summary>
    public DecisionRule? DecisionRule { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public TestEvidence? Evidence { get; init; }

    /// <summary>
    /// The uncertainty budgets of the result (GUM; JJF 1059.1): the compared quantity first, then the measured inputs,
    /// each with every component. Empty when the caller gave no instrument accuracy (see <see cref="UncertaintyBudget"/>).
    /// </summary>
    public IReadOnlyList<UncertaintyBudget> Uncertainty { get; init; } = [];

    /// <summary>False when the limit used comes from an unverified (M) row, or when no limit was used.</summary>
    public bool LimitVerified => Reference?.LimitVerified ?? false;

    internal static TestVerdict Problem(TestKind kind, Outcome outcome, string reasonCode, string reason, TestEvidence? evidence = null,
        StandardReference? reference = null, IReadOnlyList<string>? warnings = null) =>
        new()
        {
            Kind = kind,
            Outcome = outcome,
            ReasonCode = reasonCode,
            Reason = reason,
            Evidence = evidence,
            Reference = reference,
            Warnings = warnings ?? [],
        };
}
