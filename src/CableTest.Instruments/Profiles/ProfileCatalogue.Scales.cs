using System.Text.Json;

namespace CableTest.Instruments.Profiles;

/// <summary>SCPI field scales: the factor from the instrument's unit to the field's (e.g. a leakage reply in A for leakage_ma: 1000).</summary>
public sealed partial class ProfileCatalogue
{
    private static Dictionary<string, double> ParseScales(Reader reader, JsonElement element, Dictionary<string, int> fields)
    {
        var scales = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!element.TryGetProperty("scales", out var scalesElement))
        {
            return scales;
        }

        foreach (var scale in scalesElement.EnumerateObject())
        {
            if (!fields.ContainsKey(scale.Name))
            {
                throw new ProfileLoadException(reader.File, "scpi.scales." + scale.Name, "scales a field that scpi.fields does not define");
            }

            if (scale.Value.ValueKind != JsonValueKind.Number || !double.IsFinite(scale.Value.GetDouble()) || scale.Value.GetDouble() == 0)
            {
                throw new ProfileLoadException(reader.File, "scpi.scales." + scale.Name, "must be a finite, non-zero number");
            }

            scales[scale.Name] = scale.Value.GetDouble();
        }

        return scales;
    }
}
