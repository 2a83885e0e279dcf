namespace CableTest.Instruments.Modbus;

/// <summary>What the master knows about one unit on its line: pacing, timeouts in a row, backoff.</summary>
internal sealed class UnitState(byte unit, string name, TimeSpan timeout, TimeSpan minimumGap)
{
    /// <summary>One request per unit waits for the line at a time, so units interleave fairly.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public byte Unit { get; } = unit;

    public string Name { get; } = name;

    public TimeSpan Timeout { get; } = timeout;

    public TimeSpan MinimumGap { get; } = minimumGap;

    /// <summary>TimeProvider timestamp at which the last exchange ended.</summary>
    public long LastEnd { get; set; }

    public int ConsecutiveTimeouts { get; set; }

    /// <summary>TimeProvider timestamp before which requests fail fast (0: available).</summary>
    public long UnavailableUntil { get; set; }

    /// <summary>The next unavailability period.</summary>
    public TimeSpan Backoff { get; set; }
}
