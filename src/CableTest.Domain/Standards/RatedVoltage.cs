using System.Globalization;
using System.Text.RegularExpressions;

namespace CableTest.Domain.Standards;

/// <summary>A cable's rated voltage U0/U, e.g. "450/750 V", "0.6/1 kV"; compared in volts.</summary>
public sealed partial record RatedVoltage(decimal U0V, decimal UV)
{
    /// <summary>"450/750 V" below 1 kV, "0.6/1 kV" from 1 kV.</summary>
    public override string ToString() => UV >= 1000m
        ? string.Create(CultureInfo.InvariantCulture, $"{U0V / 1000m:0.###}/{UV / 1000m:0.###} kV")
        : string.Create(CultureInfo.InvariantCulture, $"{U0V:0.###}/{UV:0.###} V");

    /// <summary>Parses "450/750 V", "450/750V", "0.6/1 kV", "600/1000 V", "0,6/1 kV" (unit defaults to V).</summary>
    public static bool TryParse(string? text, out RatedVoltage rated)
    {
        rated = new RatedVoltage(0m, 0m);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var m = Pattern().Match(text);
        if (!m.Success)
        {
            return false;
        }

        if (!decimal.TryParse(m.Groups["u0"].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var u0)
            || !decimal.TryParse(m.Groups["u"].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var u)
            || u0 <= 0m || u <= 0m || u0 > u)
        {
            return false;
        }

        var scale = m.Groups["unit"].Value.StartsWith('k') || m.Groups["unit"].Value.StartsWith('K') ? 1000m : 1m;
        rated = new RatedVoltage(u0 * scale, u * scale);
        return true;
    }

    [GeneratedRegex(@"(?<u0>\d+(?:[.,]\d+)?)\s*/\s*(?<u>\d+(?:[.,]\d+)?)\s*(?<unit>kV|KV|kv|V|v)?", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
