using CableTest.Domain.Verdicts;

namespace CableTest.Runs.Procedures;

/// <summary>Verdicts a procedure gives itself when the measurement cannot be judged (never a pass).</summary>
internal static class StepVerdicts
{
    /// <summary>Invalid (or inconclusive) with a reason, as the orchestrator has always given them.</summary>
    public static TestVerdict Problem(TestKind kind, string reasonCode, string reason, bool inconclusive = false) => new()
    {
        Kind = kind,
        Outcome = inconclusive ? Outcome.Inconclusive : Outcome.Invalid,
        ReasonCode = reasonCode,
        Reason = reason,
    };

    /// <summary>An error: the input cannot produce a verdict.</summary>
    public static TestVerdict Error(TestKind kind, string reasonCode, string reason) => new()
    {
        Kind = kind,
        Outcome = Outcome.Error,
        ReasonCode = reasonCode,
        Reason = reason,
    };
}
