namespace CableTest.HardwareSim.Population;

/// <summary>A product under supervision: its spec id, conductor (IEC 60228 class, copper) and the maximum R20 of that conductor.</summary>
public sealed record SpotCheckProduct(string SpecId, int ConductorClass, double CrossSectionMm2, double MaxR20OhmPerKm, double InsulationMinimumMohmKm);
