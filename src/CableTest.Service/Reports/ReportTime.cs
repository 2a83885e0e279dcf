using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace CableTest.Service.Reports;

/// <summary>Times on a report: local time in the configured zone with its UTC offset ("2026-12-03 12:28:30 UTC+08:00").</summary>
public sealed class ReportTime(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The zone named by <c>Reports:TimeZone</c>, or null when the machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public static ReportTime For(ReportOptions options) =>
        new(string.IsNullOrWhiteSpace(options.TimeZone) ? TimeZoneInfo.Local : FindZone(options.TimeZone) ?? TimeZoneInfo.Local);

    public string Format(Timestamp? time) => time is null ? "" : Format(time.ToDateTimeOffset());

    public string Format(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, Zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" + sign + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }
}
