namespace CableTest.Domain.Verdicts;

/// <summary>Every number a verdict computed or compared; one subtype per test kind.</summary>
public abstract record TestEvidence;
