namespace CableTest.Storage.Influx.ReadBack;

/// <summary>What the last read-back found: readings counted, how many the sink lacked, how many were sent again.</summary>
public sealed record ReadBackCheck(DateTimeOffset At, long Expected, long Missing, long Redelivered);
