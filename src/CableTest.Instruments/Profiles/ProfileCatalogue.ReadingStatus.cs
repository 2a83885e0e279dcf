using System.Text.Json;

namespace CableTest.Instruments.Profiles;

/// <summary>
/// SCPI reading status: letters an instrument puts between a number and its unit (Keithley's 6517B sends
/// <c>+1.2E+12NOHM</c>: N normal, then the unit), per field, and what each means.
/// </summary>
public sealed partial class ProfileCatalogue
{
    /// <summary>What a reading-status prefix may mean.</summary>
    internal static IReadOnlyList<string> ReadingStatusMeanings { get; } = ["normal", "overflow", "invalid"];

    private static Dictionary<string, IReadOnlyDictionary<string, string>> ParseReadingStatus(Reader reader, JsonElement element, Dictionary<string, int> fields)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (!element.TryGetProperty("reading_status", out var statusElement))
        {
            return result;
        }

        if (statusElement.ValueKind != JsonValueKind.Object)
        {
            throw new ProfileLoadException(reader.File, "scpi.reading_status", "must be an object: field → {\"prefix\": meaning}");
        }

        foreach (var field in statusElement.EnumerateObject())
        {
            var key = "scpi.reading_status." + field.Name;
            if (!fields.ContainsKey(field.Name))
            {
                throw new ProfileLoadException(reader.File, key, "names a field that scpi.fields does not define");
            }

            if (field.Value.ValueKind != JsonValueKind.Object || !field.Value.EnumerateObject().Any())
            {
                throw new ProfileLoadException(reader.File, key, "must be a non-empty object of prefix → meaning");
            }

            var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var prefix in field.Value.EnumerateObject())
            {
                var meaning = prefix.Value.ValueKind == JsonValueKind.String ? prefix.Value.GetString() : null;
                if (prefix.Name.Length == 0 || !prefix.Name.All(char.IsAsciiLetter))
                {
                    throw new ProfileLoadException(reader.File, key + "." + prefix.Name, "a status prefix is one or more ASCII letters");
                }

                if (meaning is null || !ReadingStatusMeanings.Contains(meaning))
                {
                    throw new ProfileLoadException(reader.File, key + "." + prefix.Name, $"must be one of {string.Join(", ", ReadingStatusMeanings)}");
                }

                prefixes[prefix.Name] = meaning;
            }

            result[field.Name] = prefixes;
        }

        return result;
    }
}
