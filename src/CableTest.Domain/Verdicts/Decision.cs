namespace CableTest.Domain.Verdicts;

/// <summary>The statement a decision rule gives for one value, with the acceptance limit it used.</summary>
public sealed record Decision(Outcome Outcome, decimal ToleranceLimit, decimal AcceptanceLimit, LimitType LimitType);
