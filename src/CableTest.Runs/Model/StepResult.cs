using CableTest.Domain.Verdicts;

namespace CableTest.Runs.Model;

/// <summary>What a procedure returns: the domain verdict on its test and the evidence around it.</summary>
/// <param name="Verdict">The verdict, with its evidence numbers, reference and warnings.</param>
/// <param name="MeasuredAt">When the last reading that counts was taken.</param>
public sealed record StepResult(TestVerdict Verdict, DateTimeOffset MeasuredAt)
{
    /// <summary>Ids of the readings (journal entries / InfluxDB points) the verdict covers, in order.</summary>
    public IReadOnlyList<string> ReadingIds { get; init; } = [];

    /// <summary>Bench ids of the instruments used (their identity and calibration go into the evidence).</summary>
    public IReadOnlyList<string> InstrumentIds { get; init; } = [];

    /// <summary>
    /// Where the test temperature came from: the bench id of the instrument that measured it (the ambient sensor, the
    /// bath thermometer), or the configuration key of a configured fallback. Empty for a test without a temperature.
    /// </summary>
    public string TemperatureSource { get; init; } = "";

    /// <summary>Insulation resistance over electrification time (insulation steps).</summary>
    public IReadOnlyList<InsulationCurvePoint> Curve { get; init; } = [];

    /// <summary>What the hipot tester reported (withstand steps).</summary>
    public WithstandTrace? Withstand { get; init; }
}
