namespace CableTest.Domain.Standards;

/// <summary>Minimum R x L (MOhm.km) for one conductor class and cross-section of a cable type.</summary>
public sealed record InsulationTypeRow(int ConductorClass, decimal CrossSectionMm2, decimal? InsulationThicknessMm, decimal MinimumMohmKm, Provenance Provenance);
