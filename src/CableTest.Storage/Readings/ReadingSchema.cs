using System.Collections.Frozen;
using CableTest.Protocols.LineProtocol;

namespace CableTest.Storage.Readings;

/// <summary>
/// The measurements a bench writes and the value fields of each (unit in the name): the one list that
/// docs/influx.md's schema table is tested against, and that <see cref="ReadingJournal"/> holds every
/// reading to, so the documentation and the wire cannot drift apart again.
/// </summary>
public static class ReadingSchema
{
    /// <summary>Fields every point carries besides its values.</summary>
    public static readonly IReadOnlyList<string> CommonFields = ["step_time_s", "reading_id"];

    /// <summary>Tags every point carries, in this order.</summary>
    public static readonly IReadOnlyList<string> Tags = ["bench", "sample", "run", "test", "core", "instrument"];

    /// <summary>Measurement → its value fields, in the order they are written.</summary>
    public static readonly FrozenDictionary<string, IReadOnlyList<string>> Measurements = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["ambient"] = ["temperature_c", "humidity_rh"],
        ["bath_temperature"] = ["temperature_c", "setpoint_c"],
        ["conductor_resistance"] = ["resistance_ohm"],
        ["insulation_resistance"] = ["resistance_mohm", "voltage_v"],
        ["voltage_withstand"] = ["voltage_kv", "leakage_ma"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Refuses a reading whose measurement or value fields are not in the schema, naming them.</summary>
    public static void Check(Reading reading)
    {
        if (!Measurements.TryGetValue(reading.Measurement, out var fields))
        {
            throw new LineProtocolException(
                $"reading {reading.ReadingId}: measurement '{reading.Measurement}' is not in the readings schema ({string.Join(", ", Measurements.Keys)}); add it to ReadingSchema and docs/influx.md");
        }

        foreach (var (field, _) in reading.Values)
        {
            if (!fields.Contains(field, StringComparer.Ordinal))
            {
                throw new LineProtocolException(
                    $"reading {reading.ReadingId}: field '{field}' is not a field of '{reading.Measurement}' ({string.Join(", ", fields)}); add it to ReadingSchema and docs/influx.md");
            }
        }
    }
}
