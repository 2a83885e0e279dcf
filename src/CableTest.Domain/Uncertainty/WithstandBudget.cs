namespace CableTest.Domain.Uncertainty;

/// <summary>
/// Budget of the voltage applied in a withstand test: the tester's voltmeter accuracy and resolution on the range
/// used, c = 1 kV/kV (or 0.001 kV/V when the tester's accuracy is stated in volts). It says how far the applied
/// voltage may be from the reading; the tolerance window (±3 %) is the method's, not an uncertainty.
/// </summary>
public static class WithstandBudget
{
    public static BudgetOutcome Compute(WithstandUncertaintyInputs inputs, decimal appliedKv)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var volts = !inputs.Voltmeter.Accuracy.Quantity.EndsWith("_kv", StringComparison.Ordinal);
        var reading = volts ? appliedKv * 1000m : appliedKv;
        var parts = ReadingComponents.Of(inputs.Voltmeter, reading, "U", "tester voltmeter", volts ? 0.001 : 1d, volts ? "kV/V" : "kV/kV");
        return parts is null
            ? new([], [ReadingComponents.OutOfRange(inputs.Voltmeter, reading, "applied_kv")])
            : new([UncertaintyBudget.Combine("applied_kv", "kV", (double)appliedKv, parts, compared: true)], []);
    }
}
