using System.Globalization;

namespace CableTest.Presentation;

/// <summary>
/// Numbers a person reads: four significant digits, invariant culture; very large or small values as
/// "7.04×10¹³" rather than "7.04E+13". One formatter for the CLI and the reports.
/// </summary>
public static class EngineeringNumber
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    public static string Format(double value)
    {
        if (!double.IsFinite(value) || value == 0 || Math.Abs(value) is >= 1e-3 and < 1e6)
        {
            return value.ToString("G4", CultureInfo.InvariantCulture);
        }

        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var mantissa = Math.Round(value / Math.Pow(10, exponent), 3);
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }

        var digits = exponent.ToString(CultureInfo.InvariantCulture).Select(c => c == '-' ? '⁻' : Superscripts[c - '0']);
        return mantissa.ToString("G4", CultureInfo.InvariantCulture) + "×10" + string.Concat(digits);
    }
}
