namespace CableTest.Storage.Outbox;

/// <summary>Alarm level of the outbox, raised long before it fills.</summary>
public enum OutboxAlarm
{
    Ok,
    Warning,
    Critical,
    Full,
}

/// <summary>A snapshot of the outbox for health checks, metrics and the bench status.</summary>
/// <param name="Depth">Readings journalled and not yet delivered to the slowest consumer.</param>
/// <param name="OldestAge">Age of the oldest undelivered reading (zero when none).</param>
/// <param name="Bytes">Journal size on disk.</param>
/// <param name="FillRatio">The larger of bytes/MaxBytes and age/MaxAge.</param>
public sealed record OutboxStatus(
    long Depth,
    TimeSpan OldestAge,
    long Bytes,
    double FillRatio,
    OutboxAlarm Alarm,
    long LastSequence,
    IReadOnlyDictionary<string, long> ConsumerPositions,
    long Delivered,
    long Retried,
    long Quarantined,
    int TornRecordsDiscarded);
