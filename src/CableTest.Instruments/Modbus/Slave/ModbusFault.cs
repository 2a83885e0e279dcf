using CableTest.Protocols.Modbus;

namespace CableTest.Instruments.Modbus.Slave;

/// <summary>The fault a <see cref="ModbusFaultHook"/> chooses for one request.</summary>
/// <param name="Kind">What goes wrong.</param>
/// <param name="Delay">Wait before replying (applies to every kind, including <see cref="ModbusFaultKind.None"/>).</param>
/// <param name="ExceptionCode">For <see cref="ModbusFaultKind.Exception"/>.</param>
/// <param name="KeepBytes">For <see cref="ModbusFaultKind.Truncate"/>; 0 keeps half.</param>
public readonly record struct ModbusFault(ModbusFaultKind Kind, TimeSpan Delay = default, ModbusExceptionCode ExceptionCode = default, int KeepBytes = 0)
{
    /// <summary>Behave.</summary>
    public static ModbusFault None => default;

    /// <summary>Answer late.</summary>
    public static ModbusFault Delayed(TimeSpan delay) => new(ModbusFaultKind.None, delay);

    /// <summary>Say nothing.</summary>
    public static ModbusFault NoReply => new(ModbusFaultKind.NoReply);

    /// <summary>Bad CRC (RTU) / bad header (TCP).</summary>
    public static ModbusFault CorruptCrc => new(ModbusFaultKind.CorruptCrc);

    /// <summary>Cut the reply short.</summary>
    public static ModbusFault Truncate(int keepBytes = 0) => new(ModbusFaultKind.Truncate, KeepBytes: keepBytes);

    /// <summary>Refuse with an exception code.</summary>
    public static ModbusFault Exception(ModbusExceptionCode code) => new(ModbusFaultKind.Exception, ExceptionCode: code);

    /// <summary>Noise instead of a reply.</summary>
    public static ModbusFault Garbage => new(ModbusFaultKind.Garbage);

    /// <summary>A reply that answers something else (stale transaction id / other unit).</summary>
    public static ModbusFault StaleTransaction => new(ModbusFaultKind.StaleTransaction);
}

/// <summary>
/// Chooses a fault for each request a slave receives (the hardware simulator's hook); called on the
/// slave's loop before the request is executed. Return <see cref="ModbusFault.None"/> to behave.
/// </summary>
public delegate ModbusFault ModbusFaultHook(byte unit, ReadOnlySpan<byte> requestPdu);
