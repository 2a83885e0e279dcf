using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Comparison;

/// <summary>
/// The quantities an inspection reports per test, with their unit (the display unit of the verdict's uncertainty
/// budget) and the spellings of that unit a file may use.
/// </summary>
public static class ComparedQuantities
{
    private static readonly Dictionary<string, (TestKind Test, string Unit, string[] Spellings)> Known = new(StringComparer.Ordinal)
    {
        ["r20_ohm_per_km"] = (TestKind.ConductorResistance, "Ω/km", ["Ω/km", "ohm/km", "Ohm/km"]),
        ["r_l_mohm_km"] = (TestKind.InsulationResistance, "MΩ·km", ["MΩ·km", "MΩ.km", "MOhm.km", "Mohm.km", "MOhm·km"]),
        ["ki_mohm_km"] = (TestKind.InsulationResistance, "MΩ·km", ["MΩ·km", "MΩ.km", "MOhm.km", "Mohm.km", "MOhm·km"]),
        ["rho_ohm_cm"] = (TestKind.InsulationResistance, "Ω·cm", ["Ω·cm", "Ω.cm", "Ohm.cm", "ohm.cm", "Ohm·cm"]),
    };

    /// <summary>The quantities of <paramref name="test"/> (none for a voltage withstand: only its verdict is compared).</summary>
    public static IReadOnlyList<string> Of(TestKind test) => [.. Known.Where(k => k.Value.Test == test).Select(k => k.Key)];

    /// <summary>The unit of a known quantity of <paramref name="test"/>; false when it is not one.</summary>
    public static bool TryUnit(TestKind test, string quantity, out string unit)
    {
        if (Known.TryGetValue(quantity, out var q) && q.Test == test)
        {
            unit = q.Unit;
            return true;
        }

        unit = "";
        return false;
    }

    /// <summary>True when <paramref name="spelling"/> is the unit of <paramref name="quantity"/> (one of its accepted spellings).</summary>
    public static bool IsUnitOf(string quantity, string spelling) =>
        Known.TryGetValue(quantity, out var q) && q.Spellings.Contains(spelling.Trim(), StringComparer.Ordinal);
}
