namespace CableTest.Domain.Standards;

/// <summary>
/// A product specification (BV, RV, RVV, YJV, a lab's own...): product code + rated voltage mapped
/// to the conductor, insulation, insulation-resistance table and voltage-test family that apply.
/// </summary>
public sealed record ProductSpec(
    string Id,
    string ProductCode,
    string Type,
    string Title,
    IReadOnlyList<string> Standards,
    RatedVoltage RatedVoltage,
    ConductorMaterial Material,
    IReadOnlyList<int> ConductorClasses,
    bool Coated,
    decimal? MinCrossSectionMm2,
    decimal? MaxCrossSectionMm2,
    int MinCores,
    int MaxCores,
    string Insulation,
    string? InsulationResistanceType,
    string? InsulationResistanceCompound,
    string VoltageTestFamily,
    Provenance Provenance,
    string Origin)
{
    /// <summary>The cable type or compound whose insulation-resistance minimum applies, if the catalogue has one.</summary>
    public string? InsulationResistanceKey => InsulationResistanceType ?? InsulationResistanceCompound;

    public bool Covers(decimal crossSectionMm2) =>
        (MinCrossSectionMm2 is null || crossSectionMm2 >= MinCrossSectionMm2)
        && (MaxCrossSectionMm2 is null || crossSectionMm2 <= MaxCrossSectionMm2);
}
