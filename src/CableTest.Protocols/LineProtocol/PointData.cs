using System.Buffers;
using System.Globalization;
using System.Text;

namespace CableTest.Protocols.LineProtocol;

/// <summary>
/// One point, built the way InfluxDB.Client users know:
/// <c>PointData.Measurement("conductor_resistance").Tag("bench", "b1").Field("resistance_ohm", 0.075).Timestamp(t, WritePrecision.Ns)</c>.
/// Immutable: each call returns a new point. Values are checked when given (NaN and infinity
/// throw <see cref="LineProtocolException"/>), so an invalid point never reaches a queue.
/// Tags are written sorted by key, as InfluxDB prefers.
/// </summary>
public sealed class PointData
{
    private readonly string measurement;
    private readonly SortedDictionary<string, string> tags;
    private readonly List<KeyValuePair<string, object>> fields;

    private PointData(string measurement, SortedDictionary<string, string> tags, List<KeyValuePair<string, object>> fields, long? time, WritePrecision precision)
    {
        this.measurement = measurement;
        this.tags = tags;
        this.fields = fields;
        Time = time;
        Precision = precision;
    }

    /// <summary>Unix time in <see cref="Precision"/> units, or null for "server time".</summary>
    public long? Time { get; }

    public WritePrecision Precision { get; }

    public string MeasurementName => measurement;

    public IReadOnlyDictionary<string, string> Tags => tags;

    public static PointData Measurement(string name)
    {
        LineProtocolWriter.RequireName(name, "measurement");

        return new PointData(name, new(StringComparer.Ordinal), [], null, WritePrecision.Ns);
    }

    public PointData Tag(string key, string? value)
    {
        LineProtocolWriter.RequireName(key, "tag key");
        var copy = new SortedDictionary<string, string>(tags, StringComparer.Ordinal);
        if (string.IsNullOrEmpty(value))
        {
            copy.Remove(key);
        }
        else
        {
            LineProtocolWriter.RequireTagValue(value);
            copy[key] = value;
        }

        return new PointData(measurement, copy, fields, Time, Precision);
    }

    public PointData Field(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new LineProtocolException($"field '{key}' of '{measurement}' is {value.ToString(CultureInfo.InvariantCulture)}: line protocol has no NaN or infinity; the reading is refused");
        }

        return WithField(key, value);
    }

    public PointData Field(string key, long value) => WithField(key, value);

    public PointData Field(string key, int value) => WithField(key, (long)value);

    public PointData Field(string key, ulong value) => WithField(key, value);

    public PointData Field(string key, bool value) => WithField(key, value);

    public PointData Field(string key, string value) => WithField(key, value ?? throw new LineProtocolException($"field '{key}' is null"));

    public PointData Timestamp(long unixTime, WritePrecision precision) =>
        new(measurement, tags, fields, unixTime, precision);

    public PointData Timestamp(DateTimeOffset time, WritePrecision precision) =>
        new(measurement, tags, fields, time.ToUnixTime(precision), precision);

    /// <summary>Writes this point; its timestamp is converted to <paramref name="precision"/>.</summary>
    public void WriteTo(LineProtocolWriter writer, WritePrecision precision)
    {
        if (fields.Count == 0)
        {
            throw new LineProtocolException($"point '{measurement}' has no fields");
        }

        writer.Measurement(measurement);
        foreach (var (k, v) in tags)
        {
            writer.Tag(k, v);
        }

        foreach (var (k, v) in fields)
        {
            _ = v switch
            {
                double d => writer.Field(k, d),
                long l => writer.Field(k, l),
                ulong u => writer.Field(k, u),
                bool b => writer.Field(k, b),
                string s => writer.Field(k, s),
                _ => throw new InvalidOperationException("unreachable field type"),
            };
        }

        if (Time is { } t)
        {
            writer.EndPoint(WritePrecisionExtensions.Convert(t, Precision, precision));
        }
        else
        {
            writer.EndPoint();
        }
    }

    /// <summary>The point as one line of line protocol (no trailing newline).</summary>
    public string ToLineProtocol(WritePrecision? precision = null)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        WriteTo(new LineProtocolWriter(buffer), precision ?? Precision);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public override string ToString() => ToLineProtocol();

    private PointData WithField(string key, object value)
    {
        LineProtocolWriter.RequireName(key, "field key");
        if (value is string s)
        {
            LineProtocolWriter.RequireNoNewline(s, $"string field '{key}'");
        }

        var copy = new List<KeyValuePair<string, object>>(fields.Count + 1);
        copy.AddRange(fields.Where(f => f.Key != key));
        copy.Add(new(key, value));
        return new PointData(measurement, tags, copy, Time, Precision);
    }
}
