namespace CableTest.Storage.Influx;

/// <summary>What the InfluxDB forwarder is doing, for health checks and the bench status.</summary>
public sealed record ForwarderStatus(bool Enabled, bool Healthy, string? LastError, DateTimeOffset? LastDelivery, int ConsecutiveFailures);
