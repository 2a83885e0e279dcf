namespace CableTest.Protocols.Modbus;

/// <summary>What was wrong with bytes that should have been a Modbus frame.</summary>
public enum ModbusFrameErrorKind
{
    /// <summary>An RTU frame whose CRC-16 does not match its contents.</summary>
    BadCrc,

    /// <summary>The frame ended (line went quiet, deadline, PDU shorter than its function needs) before it was complete.</summary>
    Truncated,

    /// <summary>Bytes that cannot start a frame (unknown function code, wrong unit, noise).</summary>
    Garbage,

    /// <summary>A well-formed frame that does not answer the request (other function, wrong count, echo mismatch).</summary>
    UnexpectedResponse,

    /// <summary>A Modbus TCP reply whose transaction id belongs to no outstanding request (a late reply).</summary>
    StrayTransaction,

    /// <summary>A length or byte-count field that contradicts the function code or the limits.</summary>
    BadLength,

    /// <summary>A Modbus TCP header whose protocol id is not 0.</summary>
    BadProtocolId,
}
