namespace CableTest.Protocols.LineProtocol;

/// <summary>Timestamp precision of a write, as InfluxDB's <c>precision</c> parameter names it.</summary>
public enum WritePrecision
{
    /// <summary>Nanoseconds (<c>ns</c>).</summary>
    Ns,

    /// <summary>Microseconds (<c>us</c>).</summary>
    Us,

    /// <summary>Milliseconds (<c>ms</c>).</summary>
    Ms,

    /// <summary>Seconds (<c>s</c>).</summary>
    S,
}

/// <summary>Conversions for <see cref="WritePrecision"/>.</summary>
public static class WritePrecisionExtensions
{
    private const long UnixEpochTicks = 621355968000000000; // DateTime(1970,1,1).Ticks

    /// <summary>The value InfluxDB expects in the <c>precision</c> query parameter.</summary>
    public static string ToQueryValue(this WritePrecision precision) => precision switch
    {
        WritePrecision.Ns => "ns",
        WritePrecision.Us => "us",
        WritePrecision.Ms => "ms",
        WritePrecision.S => "s",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
    };

    /// <summary>Parses <c>ns</c>, <c>us</c>, <c>ms</c> or <c>s</c> (case-insensitive).</summary>
    public static WritePrecision Parse(string text) => text.ToUpperInvariant() switch
    {
        "NS" => WritePrecision.Ns,
        "US" => WritePrecision.Us,
        "MS" => WritePrecision.Ms,
        "S" => WritePrecision.S,
        _ => throw new FormatException($"precision '{text}' is not one of ns, us, ms, s"),
    };

    /// <summary>Unix time of <paramref name="time"/> in units of <paramref name="precision"/> (truncated).</summary>
    public static long ToUnixTime(this DateTimeOffset time, WritePrecision precision)
    {
        var ticks = time.UtcTicks - UnixEpochTicks; // 100 ns units
        return precision switch
        {
            WritePrecision.Ns => checked(ticks * 100),
            WritePrecision.Us => ticks / 10,
            WritePrecision.Ms => ticks / TimeSpan.TicksPerMillisecond,
            WritePrecision.S => ticks / TimeSpan.TicksPerSecond,
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
        };
    }

    /// <summary>Converts a Unix time in <paramref name="from"/> units to <paramref name="to"/> units (truncating).</summary>
    public static long Convert(long unixTime, WritePrecision from, WritePrecision to)
    {
        static long Ns(WritePrecision p) => p switch
        {
            WritePrecision.Ns => 1,
            WritePrecision.Us => 1_000,
            WritePrecision.Ms => 1_000_000,
            _ => 1_000_000_000,
        };

        var f = Ns(from);
        var t = Ns(to);
        return f >= t ? checked(unixTime * (f / t)) : unixTime / (t / f);
    }
}
