namespace CableTest.HardwareSim.Serving;

/// <summary>What a simulated device does wrong, on purpose (names as in the control API).</summary>
public enum FaultKind
{
    /// <summary>"latency": answer <c>parameter</c> ms late.</summary>
    Latency,

    /// <summary>"no_reply": say nothing.</summary>
    NoReply,

    /// <summary>"partial_frame": send only the first half of the reply.</summary>
    PartialFrame,

    /// <summary>"garbled": noise instead of the reply.</summary>
    Garbled,

    /// <summary>"bad_crc": RTU reply with a wrong CRC (TCP: a bad MBAP protocol id; SCPI: garbled).</summary>
    BadCrc,

    /// <summary>"modbus_exception": refuse with exception code <c>parameter</c> (6 busy, 2 illegal address).</summary>
    ModbusException,

    /// <summary>"disconnect": the port goes away for <c>parameter</c> seconds, then comes back.</summary>
    Disconnect,

    /// <summary>"scpi_error": reject the next commands, queueing SCPI error <c>parameter</c> (e.g. -222).</summary>
    ScpiError,
}
