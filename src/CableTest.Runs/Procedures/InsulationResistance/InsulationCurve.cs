using CableTest.Instruments.Drivers;
using CableTest.Runs.Model;

namespace CableTest.Runs.Procedures.InsulationResistance;

/// <summary>The electrification (polarisation) curve: what each in-range reading adds.</summary>
public static class InsulationCurve
{
    /// <summary>The curve point of a reading, or null for an over-range one (no value, only a lower bound).</summary>
    public static InsulationCurvePoint? Point(InsulationReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return reading.OverRange ? null : new InsulationCurvePoint(reading.ElapsedS, reading.ResistanceOhm / 1e6);
    }

    /// <summary>Progress of the electrification (0..1) and the seconds left, by the instrument's clock.</summary>
    public static (double Progress, double RemainingS) Progress(double elapsedS, double electrificationS) =>
        (Math.Min(1, elapsedS / electrificationS), Math.Max(0, electrificationS - elapsedS));
}
