using System.Globalization;

namespace CableTest.Protocols.Scpi;

/// <summary>Culture-invariant parsing and formatting of SCPI numeric data (NR1, NR2, NR3).</summary>
public static class ScpiNumbers
{
    private const double OverflowSentinel = 9.9e37;
    private const double NotANumberSentinel = 9.91e37;
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Parses one numeric field, e.g. <c>+1.23456E-03</c>, <c>12</c>, <c>-0.5</c>; surrounding blanks allowed.</summary>
    public static bool TryParse(ReadOnlySpan<char> field, out ScpiValue value)
    {
        field = field.Trim();
        value = default;
        if (field.IsEmpty || !double.TryParse(field, Style, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return false;
        }

        value = Classify(number);
        return true;
    }

    /// <summary>Parses one numeric field or throws <see cref="ScpiParseException"/>.</summary>
    public static ScpiValue Parse(ReadOnlySpan<char> field)
    {
        return TryParse(field, out var value)
            ? value
            : throw new ScpiParseException("not an SCPI number", field.ToString());
    }

    /// <summary>Formats a value as NR3 (e.g. <c>+1.23456E-03</c>) with the given significant digits.</summary>
    public static string FormatNr3(double value, int significantDigits = 6)
    {
        if (!double.IsFinite(value))
        {
            return value is double.NaN ? "9.91E+37" : value > 0 ? "9.9E+37" : "-9.9E+37";
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(significantDigits, 1);
        var pattern = significantDigits == 1 ? "0E+00" : "0." + new string('0', significantDigits - 1) + "E+00";
        var text = value.ToString(pattern, CultureInfo.InvariantCulture);
        return value >= 0 ? "+" + text : text;
    }

    /// <summary>Formats a value as NR2 with a fixed number of decimals, invariant culture.</summary>
    public static string FormatNr2(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static ScpiValue Classify(double number)
    {
        // Tolerance: instruments print the sentinels with varying digits (9.9E37, 9.90000E+37, 9.91E+37).
        if (Math.Abs(number - NotANumberSentinel) <= 1e34)
        {
            return new ScpiValue(number, ScpiValueKind.NotANumber);
        }

        if (Math.Abs(number - OverflowSentinel) <= 1e35)
        {
            return new ScpiValue(number, ScpiValueKind.Overflow);
        }

        if (Math.Abs(number + OverflowSentinel) <= 1e35)
        {
            return new ScpiValue(number, ScpiValueKind.NegativeOverflow);
        }

        return new ScpiValue(number, ScpiValueKind.Number);
    }
}
