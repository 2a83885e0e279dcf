namespace CableTest.Domain.Standards;

/// <summary>
/// Names of <see cref="ConductorMaterial"/>: wire names "Cu" and "Al", and the one parser every input uses
/// (the gRPC request, the case file of <c>cabletest evaluate</c>). Accepted, case-insensitive: Cu, copper,
/// Cu-coated, coated Cu, tinned Cu, CuSn; Al, aluminium, aluminum. Names of a coated copper say so
/// (<see cref="NamesCoating"/>).
/// </summary>
public static class ConductorMaterials
{
    public const string Copper = "Cu";
    public const string Aluminium = "Al";

    /// <summary>"Cu or Al", for messages.</summary>
    public const string Choices = "Cu or Al";

    public static string Name(ConductorMaterial material) => material switch
    {
        ConductorMaterial.Copper => Copper,
        ConductorMaterial.Aluminium => Aluminium,
        _ => throw new ArgumentOutOfRangeException(nameof(material)),
    };

    public static bool TryParse(string? name, out ConductorMaterial material)
    {
        switch (name?.Trim().ToUpperInvariant())
        {
            case "CU" or "COPPER" or "CU-COATED" or "COATED CU" or "TINNED CU" or "CUSN":
                material = ConductorMaterial.Copper;
                return true;
            case "AL" or "ALUMINIUM" or "ALUMINUM":
                material = ConductorMaterial.Aluminium;
                return true;
            default:
                material = default;
                return false;
        }
    }

    /// <summary>True when the name itself says the copper is metal-coated ("coated", "tinned", "CuSn").</summary>
    public static bool NamesCoating(string? name) =>
        name is not null
        && (name.Contains("coated", StringComparison.OrdinalIgnoreCase)
            || name.Contains("tinned", StringComparison.OrdinalIgnoreCase)
            || name.Trim().Equals("CuSn", StringComparison.OrdinalIgnoreCase));
}
