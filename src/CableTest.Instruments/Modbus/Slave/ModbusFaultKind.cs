namespace CableTest.Instruments.Modbus.Slave;

/// <summary>What a slave does wrong, on purpose, for one request.</summary>
public enum ModbusFaultKind
{
    /// <summary>Answer normally (after <see cref="ModbusFault.Delay"/>, if any).</summary>
    None,

    /// <summary>Execute the request but send nothing back.</summary>
    NoReply,

    /// <summary>RTU: flip the CRC. TCP: no CRC exists, so the reply's protocol id is corrupted instead.</summary>
    CorruptCrc,

    /// <summary>Send only the first <see cref="ModbusFault.KeepBytes"/> bytes of the reply (default: half).</summary>
    Truncate,

    /// <summary>Do not execute; answer exception <see cref="ModbusFault.ExceptionCode"/>.</summary>
    Exception,

    /// <summary>Send 0xFF bytes (as many as the reply would have had) instead of the reply: noise no decoder can take for a frame.</summary>
    Garbage,

    /// <summary>TCP: answer with another transaction id (a "late" reply). RTU: answer as another unit.</summary>
    StaleTransaction,
}
