using CableTest.Storage.Outbox;

namespace CableTest.Storage.Influx;

/// <summary>One batch being posted: its records in journal order and the delivery (quarantined count when done).</summary>
internal sealed record InFlightBatch(IReadOnlyList<OutboxRecord> Records, Task<int> Delivery);
