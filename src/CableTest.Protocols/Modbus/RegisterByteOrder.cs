namespace CableTest.Protocols.Modbus;

/// <summary>
/// How a multi-register value's bytes are laid out, naming the value's bytes A (most significant)
/// to D as they appear on the wire. For 64-bit values the pattern extends over four registers (CDAB
/// reverses the register order; BADC swaps the bytes inside each register).
/// </summary>
public enum RegisterByteOrder
{
    /// <summary>Big-endian, registers in order (the Modbus default).</summary>
    ABCD,

    /// <summary>Little-endian: registers reversed and bytes swapped.</summary>
    DCBA,

    /// <summary>Registers in order, bytes swapped inside each.</summary>
    BADC,

    /// <summary>Registers reversed ("word swap"), bytes big-endian inside each: common for floats.</summary>
    CDAB,
}
