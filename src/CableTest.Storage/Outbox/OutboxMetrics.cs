using System.Diagnostics.Metrics;

namespace CableTest.Storage.Outbox;

/// <summary>The outbox's figures as System.Diagnostics.Metrics instruments (meter "CableTest.Outbox").</summary>
public sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "CableTest.Outbox";
    private readonly Meter meter = new(MeterName);

    public OutboxMetrics(DurableOutbox outbox)
    {
        meter.CreateObservableGauge("cabletest.outbox.depth", () => outbox.GetStatus().Depth, "{reading}", "Readings journalled, not yet delivered");
        meter.CreateObservableGauge("cabletest.outbox.oldest_age", () => outbox.GetStatus().OldestAge.TotalSeconds, "s", "Age of the oldest undelivered reading");
        meter.CreateObservableGauge("cabletest.outbox.fill_ratio", () => outbox.GetStatus().FillRatio, null, "Fraction of the byte/age bound in use");
        meter.CreateObservableCounter("cabletest.outbox.delivered", () => outbox.GetStatus().Delivered, "{reading}");
        meter.CreateObservableCounter("cabletest.outbox.retried", () => outbox.GetStatus().Retried, "{attempt}");
        meter.CreateObservableCounter("cabletest.outbox.quarantined", () => outbox.GetStatus().Quarantined, "{reading}");
    }

    public void Dispose() => meter.Dispose();
}
