namespace CableTest.Domain.Uncertainty;

/// <summary>
/// One line of a GUM budget (JCGM 100:2008 5.1; JJF 1059.1-2012): an input quantity's standard uncertainty
/// u(xᵢ) = a / divisor, its sensitivity coefficient cᵢ = ∂y/∂xᵢ and its contribution |cᵢ| u(xᵢ) to the result.
/// </summary>
/// <param name="Name">What it is, e.g. "resistance meter accuracy".</param>
/// <param name="Symbol">The input quantity: R, t, L, V, I, d, D.</param>
/// <param name="Source">Where a comes from (instrument, range, specification, conditions, tag and source ids).</param>
/// <param name="HalfWidth">a, in <see cref="InputUnit"/>.</param>
/// <param name="InputUnit">Unit of the input quantity (Ω, °C, m, V, A, mm).</param>
/// <param name="Distribution">"rectangular" (type B from a limit of error or a resolution).</param>
/// <param name="Divisor">√3 (rectangular: a limit of error, or half a digit of resolution).</param>
/// <param name="StandardUncertainty">u(xᵢ) in <see cref="InputUnit"/>.</param>
/// <param name="SensitivityCoefficient">cᵢ in <see cref="SensitivityUnit"/>.</param>
/// <param name="SensitivityUnit">e.g. "(Ω/km)/Ω".</param>
/// <param name="Contribution">|cᵢ| u(xᵢ), in the unit of the result.</param>
/// <param name="Tag">How a is backed: V2, V1, D, M, sim, or "input" (a figure the laboratory entered).</param>
public sealed record UncertaintyComponent(
    string Name,
    string Symbol,
    string Source,
    double HalfWidth,
    string InputUnit,
    string Distribution,
    double Divisor,
    double StandardUncertainty,
    double SensitivityCoefficient,
    string SensitivityUnit,
    double Contribution,
    string Tag)
{
    /// <summary>√3: a rectangular distribution of half-width a has u = a / √3.</summary>
    public static readonly double Sqrt3 = Math.Sqrt(3d);

    /// <summary>False for a component taken from an M row.</summary>
    public bool Verified => Tag != "M";

    /// <summary>A limit of error ±a, rectangular: u = a / √3.</summary>
    public static UncertaintyComponent LimitOfError(string name, string symbol, string source, double halfWidth, string inputUnit,
        double sensitivity, string sensitivityUnit, string tag) =>
        Rectangular(name, symbol, source, halfWidth, inputUnit, Sqrt3, sensitivity, sensitivityUnit, tag);

    /// <summary>A resolution δ: half a digit either way, rectangular: a = δ/2, u = δ/2 / √3.</summary>
    public static UncertaintyComponent Resolution(string name, string symbol, string source, double resolution, string inputUnit,
        double sensitivity, string sensitivityUnit, string tag) =>
        Rectangular(name, symbol, source, resolution / 2d, inputUnit, Sqrt3, sensitivity, sensitivityUnit, tag);

    private static UncertaintyComponent Rectangular(string name, string symbol, string source, double halfWidth, string inputUnit, double divisor,
        double sensitivity, string sensitivityUnit, string tag)
    {
        var u = halfWidth / divisor;
        return new(name, symbol, source, halfWidth, inputUnit, "rectangular", divisor, u, sensitivity, sensitivityUnit, Math.Abs(sensitivity) * u, tag);
    }
}
