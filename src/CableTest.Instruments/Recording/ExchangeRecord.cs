namespace CableTest.Instruments.Recording;

/// <summary>How one exchange on a line ended.</summary>
public enum ExchangeOutcome
{
    /// <summary>A complete, valid reply (or none expected, e.g. a SCPI command or Modbus broadcast).</summary>
    Ok,
    /// <summary>No (complete) reply before the deadline.</summary>
    Timeout,
    /// <summary>A reply arrived but was malformed (bad CRC, garbage, unexpected id).</summary>
    BadReply,
    /// <summary>The device answered with a protocol-level error (Modbus exception, SCPI error queue entry).</summary>
    DeviceError,
    /// <summary>The line itself failed (disconnect, I/O error).</summary>
    LineError,
    /// <summary>The caller cancelled.</summary>
    Cancelled,
}

/// <summary>
/// One request/reply exchange as it happened on the wire: what the simulator replays and what an
/// engineer reads when a run is questioned. Bytes are exactly what was written and read.
/// </summary>
/// <param name="Sequence">Position in the recording, from 1, gap-free per recording.</param>
/// <param name="StartedUnixNanoseconds">Wall-clock start (Unix epoch, ns).</param>
/// <param name="Line">Line identity, e.g. <c>serial:/dev/ttyUSB0</c> or <c>tcp:10.0.0.5:502</c>.</param>
/// <param name="Device">Device identity on the line (role or configured id).</param>
/// <param name="Protocol"><c>scpi</c>, <c>modbus-rtu</c> or <c>modbus-tcp</c>.</param>
/// <param name="Request">Bytes written.</param>
/// <param name="Reply">Bytes read for this exchange (may be partial on failure).</param>
/// <param name="DurationMicroseconds">From the first byte written to the last byte read (or the failure).</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Detail">Error text for a non-OK outcome, else null.</param>
public sealed record ExchangeRecord(
    long Sequence,
    long StartedUnixNanoseconds,
    string Line,
    string Device,
    string Protocol,
    ReadOnlyMemory<byte> Request,
    ReadOnlyMemory<byte> Reply,
    long DurationMicroseconds,
    ExchangeOutcome Outcome,
    string? Detail);
