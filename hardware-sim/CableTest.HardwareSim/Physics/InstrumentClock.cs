namespace CableTest.HardwareSim.Physics;

/// <summary>
/// The simulated instruments' clock: instrument time runs <see cref="TimeScale"/> times faster than the
/// injected wall clock (a 5-min dwell takes 5 s at 60×). Every time value a driver reads is instrument time.
/// </summary>
public sealed class InstrumentClock
{
    private readonly long start;

    /// <summary>Starts the clock at instrument time 0.</summary>
    public InstrumentClock(TimeProvider wall, double timeScale)
    {
        ArgumentNullException.ThrowIfNull(wall);
        if (!double.IsFinite(timeScale) || timeScale <= 0 || timeScale > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, "time scale must be within (0, 100000]");
        }

        Wall = wall;
        TimeScale = timeScale;
        start = wall.GetTimestamp();
    }

    /// <summary>The wall clock (pacing, latency, timeouts).</summary>
    public TimeProvider Wall { get; }

    /// <summary>Instrument seconds per wall second.</summary>
    public double TimeScale { get; }

    /// <summary>Instrument seconds since the clock started.</summary>
    public double NowS => Wall.GetElapsedTime(start).TotalSeconds * TimeScale;

    /// <summary>Wall time that <paramref name="instrumentTime"/> takes.</summary>
    public TimeSpan ToWall(TimeSpan instrumentTime) => instrumentTime / TimeScale;
}
