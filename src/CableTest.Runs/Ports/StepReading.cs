namespace CableTest.Runs.Ports;

/// <summary>One reading a procedure takes, before it is journalled.</summary>
/// <param name="Measurement">e.g. "conductor_resistance", "insulation_resistance", "voltage_withstand", "ambient".</param>
/// <param name="InstrumentId">Bench id of the instrument that answered.</param>
/// <param name="Index">0-based index within the step (the reading id is RUN/STEP/INDEX).</param>
/// <param name="Values">Quantity → value, each name carrying its unit, e.g. ("resistance_ohm", 0.69).</param>
/// <param name="StepTimeS">Instrument time since the step started (electrification or dwell), 0 when none.</param>
public sealed record StepReading(string Measurement, string InstrumentId, int Index, IReadOnlyList<KeyValuePair<string, double>> Values, double StepTimeS = 0);
