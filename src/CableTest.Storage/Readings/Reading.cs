namespace CableTest.Storage.Readings;

/// <summary>
/// One instrument reading as the bench takes it, before it is journalled. Becomes one InfluxDB point
/// (docs/influx.md): measurement = <see cref="Measurement"/>; tags bench, sample, run, test, core,
/// instrument; one field per value (unit in its name), plus <c>step_time_s</c> and <c>reading_id</c>.
/// </summary>
/// <param name="Measurement">ambient, conductor_resistance, insulation_resistance or voltage_withstand.</param>
/// <param name="Test">The run step the reading belongs to.</param>
/// <param name="Values">Quantities with their unit in the name, e.g. ("resistance_ohm", 0.0752).</param>
/// <param name="StepTimeS">Instrument time since the step started (electrification or dwell time).</param>
public sealed record Reading(
    string ReadingId,
    string Measurement,
    string Bench,
    string Sample,
    string Run,
    string Test,
    string Core,
    string Instrument,
    DateTimeOffset Time,
    double StepTimeS,
    IReadOnlyList<KeyValuePair<string, double>> Values);
