using CableTest.Protocols.LineProtocol;

namespace CableTest.Storage.Outbox;

/// <summary>One journalled reading: a line of line protocol with its journal position.</summary>
/// <param name="Sequence">Position in the journal, strictly increasing from 1.</param>
/// <param name="AppendedAtUnixMs">When the record was made durable.</param>
/// <param name="Precision">Precision of the line's timestamp.</param>
/// <param name="Payload">The line (UTF-8, no newline).</param>
public readonly record struct OutboxRecord(long Sequence, long AppendedAtUnixMs, WritePrecision Precision, ReadOnlyMemory<byte> Payload);
