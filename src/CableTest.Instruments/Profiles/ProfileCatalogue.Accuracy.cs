using System.Text.Json;
using CableTest.Domain.Uncertainty;

namespace CableTest.Instruments.Profiles;

/// <summary>
/// The optional "accuracy" part of a profile: the instrument's limits of error per range, each row tagged and sourced
/// like the rest of the profile (V2 needs two sources, V1 and D one, M rows need an "unconfirmed" entry, sim only in a
/// simulator profile), validated at load.
/// </summary>
public sealed partial class ProfileCatalogue
{
    /// <summary>Quantities an accuracy specification may be given for, with their display unit.</summary>
    internal static IReadOnlyDictionary<string, string> AccuracyQuantities { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["resistance_ohm"] = "Ω",
        ["temperature_c"] = "°C",
        ["humidity_rh"] = "%RH",
        ["voltage_v"] = "V",
        ["voltage_kv"] = "kV",
        ["current_a"] = "A",
        ["leakage_ma"] = "mA",
        ["elapsed_s"] = "s",
    };

    private static ProfileAccuracy ParseAccuracy(Reader reader, JsonElement root, string profileName, string profileTag)
    {
        if (!root.TryGetProperty("accuracy", out var element))
        {
            return ProfileAccuracy.None;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ProfileLoadException(reader.File, "accuracy", "must be an object with \"quantities\", \"sources\" and \"unconfirmed\"");
        }

        var sources = new Dictionary<string, ProfileReference>(StringComparer.Ordinal);
        if (element.TryGetProperty("sources", out var sourcesElement))
        {
            var i = 0;
            foreach (var entry in sourcesElement.EnumerateArray())
            {
                var key = $"accuracy.sources[{i++}].";
                var id = reader.String(entry, "id", key);
                if (!sources.TryAdd(id, new ProfileReference(reader.String(entry, "ref", key), reader.String(entry, "covers", key))))
                {
                    throw new ProfileLoadException(reader.File, key + "id", $"source id \"{id}\" appears twice");
                }
            }
        }

        var unconfirmed = element.TryGetProperty("unconfirmed", out var u) && u.ValueKind == JsonValueKind.Array
            ? u.EnumerateArray().Select(e => e.GetString() ?? "").Where(s => s.Length > 0).ToList()
            : [];
        var quantities = new Dictionary<string, InstrumentAccuracy>(StringComparer.Ordinal);
        foreach (var quantity in reader.Object(element, "quantities", "accuracy.").EnumerateObject())
        {
            var key = "accuracy.quantities." + quantity.Name;
            if (!AccuracyQuantities.TryGetValue(quantity.Name, out var unit))
            {
                throw new ProfileLoadException(reader.File, key, $"not a quantity an accuracy is given for ({string.Join(", ", AccuracyQuantities.Keys)})");
            }

            var rows = ParseAccuracyRows(reader, quantity.Value, key, sources, profileTag);
            if (rows.Any(r => r.Tag == "M") && unconfirmed.Count == 0)
            {
                throw new ProfileLoadException(reader.File, key, "has M rows: say in accuracy.unconfirmed what is still to be checked");
            }

            quantities[quantity.Name] = new InstrumentAccuracy(profileName, quantity.Name, unit, reader.String(quantity.Value, "conditions", key + "."), rows);
        }

        if (unconfirmed.Count > 0 && !quantities.Values.Any(q => q.Rows.Any(r => r.Tag == "M")))
        {
            throw new ProfileLoadException(reader.File, "accuracy.unconfirmed", "lists open points but no row is tagged M: what is unconfirmed makes its rows M");
        }

        return new ProfileAccuracy(quantities, sources, unconfirmed);
    }

    private static List<AccuracyRow> ParseAccuracyRows(Reader reader, JsonElement quantity, string key, Dictionary<string, ProfileReference> sources, string profileTag)
    {
        if (!quantity.TryGetProperty("ranges", out var ranges) || ranges.ValueKind != JsonValueKind.Array || ranges.GetArrayLength() == 0)
        {
            throw new ProfileLoadException(reader.File, key + ".ranges", "required non-empty array of ranges");
        }

        var rows = new List<AccuracyRow>();
        var i = 0;
        foreach (var range in ranges.EnumerateArray())
        {
            var rowKey = $"{key}.ranges[{i++}]";
            var row = new AccuracyRow(
                Number(reader, range, "range", rowKey, required: true),
                Number(reader, range, "resolution", rowKey, required: true),
                Number(reader, range, "reading_pct", rowKey),
                Number(reader, range, "range_pct", rowKey),
                Number(reader, range, "offset", rowKey),
                range.TryGetProperty("digits", out var d) ? (d.TryGetInt32(out var digits) && digits >= 0 ? digits : throw new ProfileLoadException(reader.File, rowKey + ".digits", "must be a whole number ≥ 0")) : 0,
                reader.String(range, "tag", rowKey + "."),
                range.TryGetProperty("src", out var src) && src.ValueKind == JsonValueKind.Array ? [.. src.EnumerateArray().Select(s => s.GetString() ?? "")] : []);
            var problem = RowProblem(row, rows.LastOrDefault(), sources, profileTag);
            if (problem is not null)
            {
                throw new ProfileLoadException(reader.File, rowKey, problem);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string? RowProblem(AccuracyRow row, AccuracyRow? previous, Dictionary<string, ProfileReference> sources, string profileTag) =>
        row.RangeMax <= 0m || row.Resolution <= 0m ? "range and resolution must be positive"
        : previous is not null && row.RangeMax <= previous.RangeMax ? "ranges must ascend"
        : !AccuracyRow.Tags.Contains(row.Tag) ? $"tag \"{row.Tag}\" is not V2, V1, D, M or sim"
        : (row.Tag == "sim") != (profileTag == "sim") ? "tag sim belongs to simulator profiles, and only there"
        : row.SourceIds.FirstOrDefault(id => !sources.ContainsKey(id)) is { } unknown ? $"cites source \"{unknown}\", which accuracy.sources does not list"
        : row.Tag == "V2" && row.SourceIds.Count < 2 ? "tag V2 needs two sources in src"
        : row.Tag is "V1" or "D" && row.SourceIds.Count == 0 ? $"tag {row.Tag} needs a source in src"
        : null;

    private static decimal Number(Reader reader, JsonElement element, string name, string key, bool required = false)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return required ? throw new ProfileLoadException(reader.File, $"{key}.{name}", "required number") : 0m;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number >= 0m
            ? number
            : throw new ProfileLoadException(reader.File, $"{key}.{name}", "must be a number ≥ 0");
    }
}
