namespace CableTest.Domain.Uncertainty;

/// <summary>
/// A resistance measured as R = V / I by an instrument that sources the test voltage and measures the current
/// (electrometer / high-resistance meter in V-source ohms): the source's accuracy (voltage_v, % of the setting) and
/// the ammeter's (current_a) on the current range used.
/// </summary>
/// <param name="SourceVoltage">Accuracy of the voltage source for voltage_v.</param>
/// <param name="Ammeter">Accuracy of the ammeter for current_a.</param>
/// <param name="CurrentRangeMax">The current range used (A); null: the smallest range that holds I = V / R.</param>
public sealed record SourceMeasureUse(InstrumentAccuracy SourceVoltage, InstrumentAccuracy Ammeter, decimal? CurrentRangeMax = null);
