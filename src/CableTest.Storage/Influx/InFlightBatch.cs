using CableTest.Storage.Outbox;

namespace CableTest.Storage.Influx;

/// <summary>
/// One batch being posted: its records in journal order, the delivery (quarantined count when done), and the lease on
/// the outbox memory its records were read from (released once the delivery is over and the batch committed or given up).
/// </summary>
internal sealed record InFlightBatch(IReadOnlyList<OutboxRecord> Records, Task<int> Delivery, DurableOutbox.Lease Lease);
