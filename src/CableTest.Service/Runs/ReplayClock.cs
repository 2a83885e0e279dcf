namespace CableTest.Service.Runs;

/// <summary>
/// The clock a replay runs on: wall time that starts at the recorded run's start, so everything the run judges by
/// the date (calibration due dates) is judged as it was then. Timers and elapsed time are the service's own.
/// </summary>
internal sealed class ReplayClock(DateTimeOffset recordedStart, TimeProvider inner) : TimeProvider
{
    private readonly long _origin = inner.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => recordedStart + inner.GetElapsedTime(_origin);

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => inner.CreateTimer(callback, state, dueTime, period);
}
