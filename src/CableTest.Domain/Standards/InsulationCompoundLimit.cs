namespace CableTest.Domain.Standards;

/// <summary>Minimum volume resistivity and insulation resistance constant of a compound at one temperature.</summary>
public sealed record InsulationCompoundLimit(decimal TemperatureC, decimal RhoOhmCm, decimal KiMohmKm, Provenance Provenance);
