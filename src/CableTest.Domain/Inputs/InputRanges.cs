namespace CableTest.Domain.Inputs;

/// <summary>
/// The physical ranges a sample's numbers must lie in. Wide enough for every cable a bench can hold
/// (IEC 60228 tabulates conductors up to 3,500 mm²; a drum of cable is at most a few km), narrow
/// enough that no value overflows a <see cref="decimal"/> or a report column.
/// </summary>
public static class InputRanges
{
    /// <summary>Nominal cross-section of a core: (0, 3500] mm².</summary>
    public static PhysicalRange CrossSectionMm2 { get; } = new("mm²", 0, 3_500, MinExclusive: true);

    /// <summary>Specimen length between the potential terminals: (0, 100000] m.</summary>
    public static PhysicalRange LengthM { get; } = new("m", 0, 100_000, MinExclusive: true);

    /// <summary>Diameter under or over the insulation: (0, 500] mm.</summary>
    public static PhysicalRange DiameterMm { get; } = new("mm", 0, 500, MinExclusive: true);

    /// <summary>Number of cores: 1..100.</summary>
    public const int MaxCores = 100;

    /// <summary>What is wrong with a sample's inner (d) and outer (D) insulation diameters, field by field; empty when they are right.</summary>
    public static IReadOnlyList<(string Field, string Problem)> DiameterProblems(double? conductorDiameterMm, double? insulationOuterDiameterMm,
        string conductorField, string outerField)
    {
        var problems = new List<(string, string)>();
        if (conductorDiameterMm is { } d && DiameterMm.Problem(d) is { } pd)
        {
            problems.Add((conductorField, pd));
        }

        if (insulationOuterDiameterMm is { } big && DiameterMm.Problem(big) is { } pD)
        {
            problems.Add((outerField, pD));
        }

        if (problems.Count == 0 && conductorDiameterMm is { } inner && insulationOuterDiameterMm is { } outer && inner >= outer)
        {
            problems.Add((outerField, $"must be larger than {conductorField} (the diameter over the insulation exceeds the one under it)"));
        }

        return problems;
    }
}
