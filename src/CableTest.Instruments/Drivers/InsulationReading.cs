namespace CableTest.Instruments.Drivers;

/// <summary>One insulation-resistance reading during electrification.</summary>
/// <param name="ResistanceOhm">Insulation resistance in ohms (NaN when over range).</param>
/// <param name="VoltageV">Test voltage actually applied.</param>
/// <param name="ElapsedS">Electrification time at the reading, by the instrument's clock.</param>
/// <param name="OverRange">Over the instrument's range: a lower bound, not a value.</param>
public sealed record InsulationReading(double ResistanceOhm, double VoltageV, double ElapsedS, bool OverRange);
