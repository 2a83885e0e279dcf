using System.Globalization;
using CableTest.Contracts.V1;

namespace CableTest.Cli.Runs;

/// <summary>
/// A live reading as a quantity symbol, a value and a unit ("R 0.6923 Ω", "U 2.497 kV", "I 0.12 mA",
/// "t 22.1 °C", "45 %RH") from the service's quantity name (resistance_ohm, voltage_kv, leakage_ma, ...).
/// </summary>
internal static class ReadingText
{
    private static readonly (string Suffix, string Unit)[] Units =
    [
        ("_mohm", "MΩ"), ("_gohm", "GΩ"), ("_kohm", "kΩ"), ("_ohm", "Ω"), ("_kv", "kV"), ("_v", "V"), ("_ma", "mA"), ("_ua", "µA"), ("_a", "A"),
        ("_c", "°C"), ("_rh", "%RH"), ("_pct", "%"), ("_hz", "Hz"), ("_s", "s"),
    ];

    private static readonly (string Prefix, string Symbol)[] Symbols =
    [
        ("insulation_resistance", "R"), ("resistance", "R"), ("output_voltage", "U"), ("voltage", "U"), ("leakage", "I"), ("current", "I"),
        ("temperature", "t"), ("humidity", ""), ("frequency", "f"), ("elapsed", "t"),
    ];

    public static string Format(Reading reading)
    {
        var (name, unit) = Split(reading.Quantity);
        var value = reading.Value.ToString("G4", CultureInfo.InvariantCulture);
        return $"{name} {value} {unit}".Trim();
    }

    private static (string Name, string Unit) Split(string quantity)
    {
        foreach (var (suffix, unit) in Units)
        {
            if (quantity.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = quantity[..^suffix.Length];
                return (Symbol(stem), unit);
            }
        }

        return (Symbol(quantity), "");
    }

    private static string Symbol(string stem)
    {
        foreach (var (prefix, symbol) in Symbols)
        {
            if (stem == prefix)
            {
                return symbol;
            }
        }

        return stem.Replace('_', ' ');
    }
}
