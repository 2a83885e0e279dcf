namespace CableTest.Runs.Model;

/// <summary>One point of the polarisation curve.</summary>
/// <param name="ElectrificationS">Instrument time under voltage.</param>
/// <param name="ResistanceMohm">Insulation resistance.</param>
public sealed record InsulationCurvePoint(double ElectrificationS, double ResistanceMohm);
