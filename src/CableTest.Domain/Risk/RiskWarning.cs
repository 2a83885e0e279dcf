namespace CableTest.Domain.Risk;

/// <summary>
/// A rule that fired for a group: which rule (<see cref="RiskRuleNames"/>), the value it saw, the threshold it
/// exceeded and a sentence for a person.
/// </summary>
public sealed record RiskWarning(string Rule, RiskGroupKind GroupKind, string GroupKey, double Value, double Threshold, string Message);
