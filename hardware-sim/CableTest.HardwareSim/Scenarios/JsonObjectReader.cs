using System.Text.Json;

namespace CableTest.HardwareSim.Scenarios;

/// <summary>Reads one JSON object's fields with range checks; unknown keys are errors (typos never pass silently).</summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement element;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public JsonObjectReader(string source, string path, JsonElement element)
    {
        Source = source;
        Path = path;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioLoadException(source, path.Length == 0 ? "(root)" : path, "must be an object");
        }

        this.element = element;
    }

    public string Source { get; }

    public string Path { get; }

    public string Key(string name) => Path.Length == 0 ? name : Path + "." + name;

    public bool Has(string name) => element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public string String(string name)
    {
        var value = Optional(name);
        return value is { ValueKind: JsonValueKind.String } v && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!
            : throw new ScenarioLoadException(Source, Key(name), "required non-empty string");
    }

    public string? OptionalString(string name)
    {
        var value = Optional(name);
        return value is null ? null : value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : throw new ScenarioLoadException(Source, Key(name), "must be a string");
    }

    public double Number(string name, double min, double max, bool minExclusive = false)
    {
        var value = Optional(name) ?? throw new ScenarioLoadException(Source, Key(name), "required number");
        return Check(name, value, min, max, minExclusive);
    }

    public double Number(string name, double fallback, double min, double max, bool minExclusive = false)
    {
        var value = Optional(name);
        return value is null ? fallback : Check(name, value.Value, min, max, minExclusive);
    }

    public double? OptionalNumber(string name, double min, double max, bool minExclusive = false)
    {
        var value = Optional(name);
        return value is null ? null : Check(name, value.Value, min, max, minExclusive);
    }

    public int Integer(string name, int min, int max)
    {
        var value = Optional(name) ?? throw new ScenarioLoadException(Source, Key(name), "required integer");
        return value.TryGetInt32(out var n) && n >= min && n <= max
            ? n
            : throw new ScenarioLoadException(Source, Key(name), $"must be an integer within {min}..{max}");
    }

    public int Integer(string name, int fallback, int min, int max) => Has(name) ? Integer(name, min, max) : fallback;

    public bool Boolean(string name, bool fallback)
    {
        var value = Optional(name);
        return value is null ? fallback
            : value.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.Value.GetBoolean()
            : throw new ScenarioLoadException(Source, Key(name), "must be true or false");
    }

    public JsonObjectReader? Object(string name)
    {
        var value = Optional(name);
        return value is null ? null : new JsonObjectReader(Source, Key(name), value.Value);
    }

    public IEnumerable<JsonObjectReader> Array(string name)
    {
        var value = Optional(name);
        if (value is null)
        {
            yield break;
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            throw new ScenarioLoadException(Source, Key(name), "must be an array");
        }

        var i = 0;
        foreach (var item in value.Value.EnumerateArray())
        {
            yield return new JsonObjectReader(Source, $"{Key(name)}[{i++}]", item);
        }
    }

    /// <summary>Throws when the object has a key nobody asked for.</summary>
    public void RejectUnknown()
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Contains(property.Name) && property.Name != "comment")
            {
                throw new ScenarioLoadException(Source, Key(property.Name), "unknown key");
            }
        }
    }

    private JsonElement? Optional(string name)
    {
        seen.Add(name);
        return element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
    }

    private double Check(string name, JsonElement value, double min, double max, bool minExclusive)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var n) || !double.IsFinite(n))
        {
            throw new ScenarioLoadException(Source, Key(name), "must be a number");
        }

        if (n < min || n > max || (minExclusive && n <= min))
        {
            throw new ScenarioLoadException(Source, Key(name), string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{n} is outside {(minExclusive ? "(" : "[")}{min}, {max}]"));
        }

        return n;
    }
}
