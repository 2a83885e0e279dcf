namespace CableTest.Domain.Standards;

/// <summary>One tabulated maximum DC resistance at 20 degC, with its provenance and footnotes.</summary>
public sealed record ConductorResistanceCell(decimal MaxOhmPerKm, Provenance Provenance, IReadOnlyList<string> Notes);
