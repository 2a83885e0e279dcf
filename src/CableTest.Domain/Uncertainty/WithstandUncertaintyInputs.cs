namespace CableTest.Domain.Uncertainty;

/// <summary>What the budget of a withstand test's applied voltage needs: the tester's voltmeter (voltage_v or voltage_kv) and its range.</summary>
public sealed record WithstandUncertaintyInputs(InstrumentUse Voltmeter);
