using CableTest.Protocols.Modbus;

namespace CableTest.Instruments.Profiles;

/// <summary>One value in a Modbus register map.</summary>
/// <param name="Table">"holding" or "input".</param>
/// <param name="Address">First register (0-based protocol address).</param>
/// <param name="Codec">Type, byte order, scale and offset.</param>
public sealed record ModbusPoint(string Table, ushort Address, RegisterCodec Codec)
{
    /// <summary>True for holding registers (readable and writable).</summary>
    public bool IsHolding => Table == "holding";
}
