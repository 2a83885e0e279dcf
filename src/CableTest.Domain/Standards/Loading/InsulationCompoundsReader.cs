using System.Globalization;

namespace CableTest.Domain.Standards.Loading;

/// <summary>
/// Reads an "insulation_compounds" file (IEC 60502-1 rho and Ki per compound). Checks each
/// rho/Ki pair against Ki = rho x ln10/(2 pi) x 1e-11 (within the rounding of the printed Ki).
/// </summary>
internal static class InsulationCompoundsReader
{
    private const double KiPerRho = 0.36646838e-11;

    public static IReadOnlyList<InsulationCompound> Read(DataNode root)
    {
        var standard = root.Str("standard");
        var edition = root.Str("edition");
        var editionId = root.Str("edition_id");
        var clause = root.Str("clause");
        var result = new List<InsulationCompound>();
        foreach (var raw in root.Items("compounds"))
        {
            var name = raw.Str("compound");
            var node = raw.Labelled(name);
            var aliases = node.OptStrings("aliases") ?? [];
            if (result.Any(c => c.Matches(name) || aliases.Any(c.Matches)))
            {
                throw node.Error($"compound '{name}' (or an alias) appears twice");
            }

            var limits = new List<InsulationCompoundLimit>();
            foreach (var rawLimit in node.Items("limits"))
            {
                var t = rawLimit.Dec("temperature_c");
                var limit = rawLimit.Labelled(string.Create(CultureInfo.InvariantCulture, $"temperature_c {t}"));
                var rho = limit.Dec("rho_ohm_cm");
                var ki = limit.Dec("ki_mohm_km");
                if (rho <= 0m || ki <= 0m)
                {
                    throw limit.Error("rho and Ki must be positive");
                }

                if (limits.Any(l => l.TemperatureC == t))
                {
                    throw limit.Error($"duplicate temperature {t} degC");
                }

                var expectedKi = (double)rho * KiPerRho;
                if (Math.Abs(((double)ki / expectedKi) - 1) > 0.02)
                {
                    throw limit.Error(string.Create(CultureInfo.InvariantCulture,
                        $"Ki {ki} does not match rho {rho} (expected about {expectedKi:G4} MOhm.km)"));
                }

                limits.Add(new InsulationCompoundLimit(t, rho, ki, limit.Provenance()));
            }

            result.Add(new InsulationCompound(standard, edition, editionId, clause, name, aliases,
                node.Dec("max_conductor_temp_c"), limits, node.OptStr("uncertain"), root.File.Origin));
        }

        return result;
    }
}
