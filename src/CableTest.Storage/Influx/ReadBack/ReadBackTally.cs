using System.Text;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Outbox;

namespace CableTest.Storage.Influx.ReadBack;

/// <summary>
/// What the sink should hold for a set of delivered records: per measurement and numeric field, the
/// number of distinct points (tag set and timestamp at the sink's precision: a point written twice is
/// stored once), and the time range they span. String fields are left out (VictoriaMetrics does not
/// store them).
/// </summary>
public sealed class ReadBackTally
{
    private readonly Dictionary<SeriesField, HashSet<(string Tags, long Time)>> points = [];

    public long MinNs { get; private set; } = long.MaxValue;

    public long MaxNs { get; private set; } = long.MinValue;

    /// <summary>Lines that could not be read back (no timestamp, not parseable); they are not counted.</summary>
    public int Skipped { get; private set; }

    public bool IsEmpty => points.Count == 0;

    public IReadOnlyDictionary<SeriesField, long> Expected =>
        points.ToDictionary(p => p.Key, p => (long)p.Value.Count);

    /// <param name="sinkResolutionNs">The sink's timestamp resolution: 1 for InfluxDB, 1,000,000 for VictoriaMetrics (milliseconds).</param>
    public static ReadBackTally Of(IEnumerable<OutboxRecord> records, long sinkResolutionNs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sinkResolutionNs, 1);
        var tally = new ReadBackTally();
        foreach (var record in records)
        {
            foreach (var line in Encoding.UTF8.GetString(record.Payload.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                tally.Add(line, record.Precision, sinkResolutionNs);
            }
        }

        return tally;
    }

    private void Add(string line, WritePrecision precision, long resolutionNs)
    {
        ParsedPoint point;
        try
        {
            point = LineProtocolParser.Parse(line);
        }
        catch (FormatException)
        {
            Skipped++;
            return;
        }

        if (point.Timestamp is not { } stamp)
        {
            Skipped++;
            return;
        }

        var ns = stamp * NanosecondsPer(precision);
        MinNs = Math.Min(MinNs, ns);
        MaxNs = Math.Max(MaxNs, ns);
        var tags = string.Join(',', point.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value));
        var at = ns - (((ns % resolutionNs) + resolutionNs) % resolutionNs);
        foreach (var (field, value) in point.Fields)
        {
            if (value is string)
            {
                continue;
            }

            var key = new SeriesField(point.Measurement, field);
            if (!points.TryGetValue(key, out var set))
            {
                points[key] = set = [];
            }

            set.Add((tags, at));
        }
    }

    private static long NanosecondsPer(WritePrecision precision) => precision switch
    {
        WritePrecision.S => 1_000_000_000,
        WritePrecision.Ms => 1_000_000,
        WritePrecision.Us => 1_000,
        _ => 1,
    };
}
