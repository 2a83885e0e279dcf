namespace CableTest.Instruments.Drivers;

/// <summary>One resistance reading.</summary>
/// <param name="ResistanceOhm">Measured Rt in ohms (NaN when <paramref name="OverRange"/>).</param>
/// <param name="OverRange">The instrument reported over range (9.9E37): never a value.</param>
/// <param name="RawReply">The reply as received, for the evidence.</param>
public sealed record ResistanceReading(double ResistanceOhm, bool OverRange, string RawReply);
