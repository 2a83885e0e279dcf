using System.Text.Json;

namespace CableTest.Instruments.Profiles;

/// <summary>Typed reads of a profile document's keys; a missing or mistyped key is a <see cref="ProfileLoadException"/> naming it.</summary>
public sealed partial class ProfileCatalogue
{
    private sealed class Reader(string file)
    {
        public string File { get; } = file;

        public string String(JsonElement element, string name, string prefix = "")
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(value.GetString()))
            {
                throw new ProfileLoadException(File, prefix + name, "required non-empty string");
            }

            return value.GetString()!;
        }

        public int Int(JsonElement element, string name, string prefix = "")
        {
            if (!element.TryGetProperty(name, out var value) || !value.TryGetInt32(out var number))
            {
                throw new ProfileLoadException(File, prefix + name, "required integer");
            }

            return number;
        }

        public JsonElement Object(JsonElement element, string name, string prefix = "")
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
            {
                throw new ProfileLoadException(File, prefix + name, "required object");
            }

            return value;
        }
    }
}
