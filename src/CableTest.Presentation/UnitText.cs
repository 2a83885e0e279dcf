using System.Text.RegularExpressions;

namespace CableTest.Presentation;

/// <summary>
/// One spelling of units in everything the CLI prints and the reports show: Ω/km, MΩ·km, Ω·cm, °C, mm², kV, mA. Text from the
/// service and the standards data (reasons, warnings, product titles, limit units) uses ASCII spellings
/// such as "MOhm.km", "degC" and "mm2"; they are rewritten here.
/// </summary>
public static partial class UnitText
{
    private static readonly (Regex Pattern, string Symbol)[] Units =
    [
        (MegohmKm(), "MΩ·km"),
        (OhmCm(), "Ω·cm"),
        (OhmPerKm(), "Ω/km"),
        (Megohm(), "MΩ"),
        (Gigohm(), "GΩ"),
        (Ohm(), "Ω"),
        (DegC(), "°C"),
        (SquareMm(), "mm²"),
    ];

    public static string Normalize(string text)
    {
        foreach (var (pattern, symbol) in Units)
        {
            text = pattern.Replace(text, symbol);
        }

        return text;
    }

    [GeneratedRegex(@"\bMOhm\s*[.·*]\s*km\b", RegexOptions.IgnoreCase)]
    private static partial Regex MegohmKm();

    [GeneratedRegex(@"\bOhm\s*[.·*]\s*cm\b", RegexOptions.IgnoreCase)]
    private static partial Regex OhmCm();

    [GeneratedRegex(@"\bOhm\s*/\s*km\b", RegexOptions.IgnoreCase)]
    private static partial Regex OhmPerKm();

    [GeneratedRegex(@"\bMOhm\b", RegexOptions.IgnoreCase)]
    private static partial Regex Megohm();

    [GeneratedRegex(@"\bGOhm\b", RegexOptions.IgnoreCase)]
    private static partial Regex Gigohm();

    [GeneratedRegex(@"(?<=\d\s?)ohms?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ohm();

    [GeneratedRegex(@"\bdeg\s?C\b")]
    private static partial Regex DegC();

    [GeneratedRegex(@"\bmm2\b")]
    private static partial Regex SquareMm();
}
