using System.Globalization;

namespace CableTest.Domain.Uncertainty;

/// <summary>
/// The uncertainty of one result (GUM, JCGM 100:2008; JJF 1059.1-2012): every component, the combined standard
/// uncertainty u_c = √Σ(cᵢ u(xᵢ))² (inputs uncorrelated), the coverage factor k and the expanded uncertainty
/// U = k u_c. <see cref="ReportedExpandedUncertainty"/> is U rounded up to two significant digits (GUM 7.2.6: never
/// narrower than U); a guard band taken from the budget uses it.
/// </summary>
/// <param name="Quantity">The result, its unit in the name as the evidence field: r20_ohm_per_km, r_l_mohm_km, applied_kv...</param>
/// <param name="Unit">Display unit (Ω/km, MΩ·km, kV, °C...).</param>
/// <param name="Value">The result's value.</param>
/// <param name="Components">Each input's contribution.</param>
/// <param name="CombinedStandardUncertainty">u_c, in <see cref="Unit"/>.</param>
/// <param name="CoverageFactor">k (2: about 95 % for type-B components with many degrees of freedom).</param>
/// <param name="ExpandedUncertainty">U = k u_c, unrounded.</param>
/// <param name="ReportedExpandedUncertainty">U rounded up to two significant digits.</param>
/// <param name="Compared">True for the quantity the decision rule compared with the limit.</param>
public sealed record UncertaintyBudget(
    string Quantity,
    string Unit,
    double Value,
    IReadOnlyList<UncertaintyComponent> Components,
    double CombinedStandardUncertainty,
    double CoverageFactor,
    double ExpandedUncertainty,
    decimal ReportedExpandedUncertainty,
    bool Compared)
{
    /// <summary>The method every budget follows.</summary>
    public const string Method = "GUM (JCGM 100:2008) law of propagation of uncertainty, uncorrelated type-B inputs; JJF 1059.1-2012; k = 2";

    /// <summary>The coverage factor used: 2.</summary>
    public const double DefaultCoverageFactor = 2d;

    /// <summary>False when a component comes from an unverified (M) accuracy row or length figure.</summary>
    public bool Verified => Components.All(c => c.Verified);

    /// <summary>U / |value| (0 when the value is 0).</summary>
    public double RelativeExpandedUncertainty => Value == 0 ? 0 : ExpandedUncertainty / Math.Abs(Value);

    /// <summary>Combines <paramref name="components"/> into the budget of <paramref name="quantity"/>.</summary>
    public static UncertaintyBudget Combine(string quantity, string unit, double value, IReadOnlyList<UncertaintyComponent> components, bool compared,
        double coverageFactor = DefaultCoverageFactor)
    {
        ArgumentNullException.ThrowIfNull(components);
        var uc = Math.Sqrt(components.Sum(c => c.Contribution * c.Contribution));
        var expanded = coverageFactor * uc;
        return new(quantity, unit, value, components, uc, coverageFactor, expanded, RoundUp(expanded), compared);
    }

    /// <summary>
    /// <paramref name="value"/> rounded up to <paramref name="significantDigits"/> significant digits, as a decimal
    /// (0.025707 → 0.026; 0.0256 → 0.026; 34.61 → 35). A value that already has that many digits stays (to 1e-9 of it).
    /// </summary>
    public static decimal RoundUp(double value, int significantDigits = 2)
    {
        if (value <= 0 || !double.IsFinite(value))
        {
            return 0m;
        }

        var exponent = (int)Math.Floor(Math.Log10(value)) - significantDigits + 1;
        var scaled = Math.Ceiling((value / Math.Pow(10, exponent)) * (1 - 1e-9));
        return decimal.Parse(FormattableString.Invariant($"{scaled}e{exponent}"), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>e.g. "U = 0.026 Ω/km (k = 2)".</summary>
    public string Describe() => FormattableString.Invariant($"U = {DecimalText.Trim(ReportedExpandedUncertainty)} {Unit} (k = {CoverageFactor})");
}
