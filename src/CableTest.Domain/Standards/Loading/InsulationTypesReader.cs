using System.Globalization;

namespace CableTest.Domain.Standards.Loading;

/// <summary>
/// Reads an "insulation_resistance_types" file (IEC 60227 / GB/T 5023 minimum R x L per cable
/// type). Checks: classes 1, 2, 5, 6; no duplicate (class, cross-section); minimums positive,
/// sourced and not rising as the cross-section grows within a class.
/// </summary>
internal static class InsulationTypesReader
{
    public static IReadOnlyList<InsulationTypeTable> Read(DataNode root)
    {
        var standard = root.Str("standard");
        var edition = root.Str("edition");
        var editionId = root.Str("edition_id");
        if (root.Str("quantity") != "R_L" || root.Str("unit") != "mohm_km")
        {
            throw root.Error("quantity must be R_L and unit mohm_km");
        }

        var result = new List<InsulationTypeTable>();
        foreach (var raw in root.Items("types"))
        {
            var type = raw.Str("type");
            var node = raw.Labelled(type);
            if (result.Any(t => string.Equals(t.CableType, type, StringComparison.OrdinalIgnoreCase)))
            {
                throw node.Error($"type '{type}' appears twice");
            }

            var rows = new List<InsulationTypeRow>();
            foreach (var rawRow in node.Items("rows"))
            {
                var cls = rawRow.Int("class");
                var csa = rawRow.Dec("csa_mm2");
                var row = rawRow.Labelled(string.Create(CultureInfo.InvariantCulture, $"class {cls} csa_mm2 {csa}"));
                if (cls is not (1 or 2 or 5 or 6) || csa <= 0m)
                {
                    throw row.Error("class must be 1, 2, 5 or 6 and the cross-section positive");
                }

                var min = row.Dec("min");
                if (min <= 0m)
                {
                    throw row.Error("minimum must be positive");
                }

                if (rows.Any(r => r.ConductorClass == cls && r.CrossSectionMm2 == csa))
                {
                    throw row.Error($"duplicate row for class {cls} {csa} mm2");
                }

                var previous = rows.LastOrDefault(r => r.ConductorClass == cls);
                if (previous is not null && (csa < previous.CrossSectionMm2 || min > previous.MinimumMohmKm))
                {
                    throw row.Error(string.Create(CultureInfo.InvariantCulture,
                        $"rows of class {cls} must ascend in cross-section with non-rising minimums ({min} after {previous.MinimumMohmKm} at {previous.CrossSectionMm2} mm2)"));
                }

                rows.Add(new InsulationTypeRow(cls, csa, row.OptDec("insulation_mm"), min, row.Provenance()));
            }

            if (rows.Count == 0)
            {
                throw node.Error("type has no rows");
            }

            result.Add(new InsulationTypeTable(standard, edition, editionId, type, node.Str("designation"), node.Str("title"),
                node.Str("clause"), node.Dec("temperature_c"), rows, root.File.Origin));
        }

        return result;
    }
}
