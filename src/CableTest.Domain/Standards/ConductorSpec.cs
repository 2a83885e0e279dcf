namespace CableTest.Domain.Standards;

/// <summary>A conductor as registered: what the IEC 60228 limit lookup needs.</summary>
/// <param name="ConductorClass">IEC 60228 class: 1 solid, 2 stranded, 5 flexible, 6 very flexible.</param>
/// <param name="Material">Copper or aluminium.</param>
/// <param name="Coated">Metal-coated (e.g. tinned) copper.</param>
/// <param name="CrossSectionMm2">Nominal cross-section.</param>
public sealed record ConductorSpec(int ConductorClass, ConductorMaterial Material, bool Coated, decimal CrossSectionMm2)
{
    /// <summary>e.g. "class 2 Cu 2.5 mm2", "class 5 coated Cu 1.5 mm2".</summary>
    public string Describe() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"class {ConductorClass} {(Coated ? "metal-coated " : "")}{ConductorMaterials.Name(Material)} {CrossSectionMm2} mm2");
}
