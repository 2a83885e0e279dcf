namespace CableTest.Protocols.Scpi;

/// <summary>Helpers over a reply line (terminator already removed).</summary>
public static class ScpiReply
{
    /// <summary>Splits a reply into comma-separated fields, keeping quoted strings whole.</summary>
    public static IReadOnlyList<string> Fields(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var fields = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < reply.Length; i++)
        {
            var c = reply[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(reply[start..i].Trim());
                start = i + 1;
            }
        }

        if (quoted)
        {
            throw new ScpiParseException("unterminated string in reply", reply);
        }

        fields.Add(reply[start..].Trim());
        return fields;
    }

    /// <summary>The reply as a single number (the whole reply must be one numeric field).</summary>
    public static ScpiValue Number(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return ScpiNumbers.TryParse(reply, out var value)
            ? value
            : throw new ScpiParseException("expected one number", reply);
    }

    /// <summary>The numeric field at <paramref name="index"/> of a comma-separated reply.</summary>
    public static ScpiValue NumberAt(string reply, int index, int expectedFields)
    {
        var fields = Fields(reply);
        if (fields.Count != expectedFields)
        {
            throw new ScpiParseException($"expected {expectedFields} fields, got {fields.Count}", reply);
        }

        return ScpiNumbers.TryParse(fields[index], out var value)
            ? value
            : throw new ScpiParseException($"field {index + 1} is not a number", reply);
    }

    /// <summary>Removes one pair of surrounding double quotes, if present.</summary>
    public static string Unquote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;
    }
}
