using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CableTest.Domain.Evaluation;

/// <summary>Typed, exact reads of a case object's fields (numbers as decimal from their JSON text).</summary>
internal sealed class CaseFields
{
    private readonly JsonObject obj;

    public CaseFields(JsonObject obj)
    {
        this.obj = obj;
    }

    public bool Has(string name) => obj[name] is not null;

    public string? OptString(params string[] names)
    {
        foreach (var name in names)
        {
            if (obj[name] is JsonValue v)
            {
                if (v.TryGetValue<string>(out var s))
                {
                    return s;
                }

                if (v.GetValueKind() == JsonValueKind.Number)
                {
                    return v.ToJsonString();
                }

                throw new CaseInputException($"'{name}' must be a string");
            }

            if (obj[name] is not null)
            {
                throw new CaseInputException($"'{name}' must be a string");
            }
        }

        return null;
    }

    public string String(params string[] names) =>
        OptString(names) ?? throw new CaseInputException($"missing '{names[0]}'");

    public decimal Decimal(params string[] names) =>
        OptDecimal(names) ?? throw new CaseInputException($"missing number '{names[0]}'");

    public decimal? OptDecimal(params string[] names)
    {
        foreach (var name in names)
        {
            var node = obj[name];
            if (node is null)
            {
                continue;
            }

            if (node is JsonValue v)
            {
                var kind = v.GetValueKind();
                var text = kind switch
                {
                    JsonValueKind.Number => v.ToJsonString(),
                    JsonValueKind.String => v.GetValue<string>(),
                    _ => null,
                };
                if (text is not null
                    && decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    return d;
                }
            }

            throw new CaseInputException($"'{name}' must be a finite number, got {node.ToJsonString()}");
        }

        return null;
    }

    public bool? OptBool(params string[] names)
    {
        foreach (var name in names)
        {
            var node = obj[name];
            if (node is null)
            {
                continue;
            }

            if (node is JsonValue v)
            {
                switch (v.GetValueKind())
                {
                    case JsonValueKind.True:
                        return true;
                    case JsonValueKind.False:
                        return false;
                    case JsonValueKind.String when bool.TryParse(v.GetValue<string>(), out var b):
                        return b;
                }
            }

            throw new CaseInputException($"'{name}' must be true or false, got {node.ToJsonString()}");
        }

        return null;
    }

    public JsonObject? OptObject(string name) => obj[name] switch
    {
        null => null,
        JsonObject o => o,
        var other => throw new CaseInputException($"'{name}' must be an object, got {other.ToJsonString()}"),
    };

    public (decimal Min, decimal Max)? OptRange(string name)
    {
        if (obj[name] is null)
        {
            return null;
        }

        if (obj[name] is JsonArray { Count: 2 } a
            && new CaseFields(new JsonObject { ["lo"] = a[0]?.DeepClone(), ["hi"] = a[1]?.DeepClone() }) is var pair
            && pair.OptDecimal("lo") is { } lo && pair.OptDecimal("hi") is { } hi && lo < hi)
        {
            return (lo, hi);
        }

        throw new CaseInputException($"'{name}' must be [min, max]");
    }
}
