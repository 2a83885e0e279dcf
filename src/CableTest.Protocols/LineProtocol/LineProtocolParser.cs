using System.Globalization;
using System.Text;

namespace CableTest.Protocols.LineProtocol;

/// <summary>One parsed line: what the local readings store and the tests read back.</summary>
public sealed record ParsedPoint(
    string Measurement,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, object> Fields,
    long? Timestamp);

/// <summary>
/// Parses line protocol lines (the subset <see cref="LineProtocolWriter"/> produces: escaped names,
/// float/integer/unsigned/bool/string fields, optional timestamp). Malformed input gets a
/// <see cref="FormatException"/> naming the position.
/// </summary>
public static class LineProtocolParser
{
    public static ParsedPoint Parse(string line)
    {
        var pos = 0;
        var measurement = ReadToken(line, ref pos, stopAtComma: true, stopAtEquals: false);
        if (measurement.Length == 0)
        {
            throw new FormatException("line protocol: empty measurement");
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        while (pos < line.Length && line[pos] == ',')
        {
            pos++;
            var key = ReadToken(line, ref pos, stopAtComma: true, stopAtEquals: true);
            Expect(line, ref pos, '=');
            var value = ReadToken(line, ref pos, stopAtComma: true, stopAtEquals: true);
            tags[key] = value;
        }

        Expect(line, ref pos, ' ');
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        do
        {
            if (fields.Count > 0)
            {
                pos++;
            }

            var key = ReadToken(line, ref pos, stopAtComma: true, stopAtEquals: true);
            Expect(line, ref pos, '=');
            fields[key] = ReadFieldValue(line, ref pos);
        }
        while (pos < line.Length && line[pos] == ',');

        long? timestamp = null;
        if (pos < line.Length)
        {
            Expect(line, ref pos, ' ');
            timestamp = long.Parse(line.AsSpan(pos), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        return new ParsedPoint(measurement, tags, fields, timestamp);
    }

    private static object ReadFieldValue(string line, ref int pos)
    {
        if (pos < line.Length && line[pos] == '"')
        {
            var sb = new StringBuilder();
            pos++;
            while (pos < line.Length && line[pos] != '"')
            {
                if (line[pos] == '\\' && pos + 1 < line.Length && line[pos + 1] is '"' or '\\')
                {
                    pos++;
                }

                sb.Append(line[pos++]);
            }

            Expect(line, ref pos, '"');
            return sb.ToString();
        }

        var start = pos;
        while (pos < line.Length && line[pos] is not (',' or ' '))
        {
            pos++;
        }

        var raw = line[start..pos];
        if (raw is "t" or "T" or "true" or "True" or "TRUE")
        {
            return true;
        }

        if (raw is "f" or "F" or "false" or "False" or "FALSE")
        {
            return false;
        }

        if (raw.EndsWith('i'))
        {
            return long.Parse(raw.AsSpan(0, raw.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        if (raw.EndsWith('u'))
        {
            return ulong.Parse(raw.AsSpan(0, raw.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new FormatException($"line protocol: field value '{raw}' at {start} is not a number, bool or string");
    }

    private static string ReadToken(string line, ref int pos, bool stopAtComma, bool stopAtEquals)
    {
        var sb = new StringBuilder();
        while (pos < line.Length)
        {
            var c = line[pos];
            if (c == '\\' && pos + 1 < line.Length && (line[pos + 1] is ',' or ' ' || (stopAtEquals && line[pos + 1] == '=')))
            {
                sb.Append(line[pos + 1]);
                pos += 2;
                continue;
            }

            if (c == ' ' || (stopAtComma && c == ',') || (stopAtEquals && c == '='))
            {
                break;
            }

            sb.Append(c);
            pos++;
        }

        return sb.ToString();
    }

    private static void Expect(string line, ref int pos, char c)
    {
        if (pos >= line.Length || line[pos] != c)
        {
            throw new FormatException($"line protocol: expected '{c}' at position {pos} in \"{line}\"");
        }

        pos++;
    }
}
