namespace CableTest.HardwareSim.Population;

/// <summary>One sampled and tested cable of the population: who made it, what it is, when it was tested and what it measured.</summary>
public sealed record SpotCheckSample(string SampleId, ManufacturerProfile Manufacturer, SpotCheckProduct Product, DateTimeOffset TestedAt,
    double R20OhmPerKm, double InsulationRLMohmKm)
{
    public bool ConductorFails => R20OhmPerKm > Product.MaxR20OhmPerKm;
}
