using CableTest.Protocols.Modbus;

namespace CableTest.Instruments.Modbus;

/// <summary>One request kind: how to encode it and check/decode its reply. Structs, so generic dispatch does not allocate.</summary>
internal interface IModbusOperation
{
    ModbusFunctionCode Function { get; }

    int Encode(Span<byte> pdu);

    void Decode(ReadOnlySpan<byte> pdu, byte unit);
}

internal readonly struct ReadRegistersOperation(ModbusFunctionCode function, ushort start, Memory<ushort> destination) : IModbusOperation
{
    public ModbusFunctionCode Function => function;

    public int Encode(Span<byte> pdu) => ModbusPdu.WriteReadRequest(pdu, function, start, (ushort)Math.Min(destination.Length, ushort.MaxValue));

    public void Decode(ReadOnlySpan<byte> pdu, byte unit) => ModbusPdu.ReadRegistersResponse(pdu, unit, function, destination.Span);
}

internal readonly struct ReadBitsOperation(ModbusFunctionCode function, ushort start, Memory<bool> destination) : IModbusOperation
{
    public ModbusFunctionCode Function => function;

    public int Encode(Span<byte> pdu) => ModbusPdu.WriteReadRequest(pdu, function, start, (ushort)Math.Min(destination.Length, ushort.MaxValue));

    public void Decode(ReadOnlySpan<byte> pdu, byte unit) => ModbusPdu.ReadBitsResponse(pdu, unit, function, destination.Span);
}

internal readonly struct WriteSingleCoilOperation(ushort address, bool value) : IModbusOperation
{
    public ModbusFunctionCode Function => ModbusFunctionCode.WriteSingleCoil;

    public int Encode(Span<byte> pdu) => ModbusPdu.WriteSingleCoilRequest(pdu, address, value);

    public void Decode(ReadOnlySpan<byte> pdu, byte unit) =>
        ModbusPdu.CheckWriteResponse(pdu, unit, Function, address, value ? (ushort)0xFF00 : (ushort)0);
}

internal readonly struct WriteSingleRegisterOperation(ushort address, ushort value) : IModbusOperation
{
    public ModbusFunctionCode Function => ModbusFunctionCode.WriteSingleRegister;

    public int Encode(Span<byte> pdu) => ModbusPdu.WriteSingleRegisterRequest(pdu, address, value);

    public void Decode(ReadOnlySpan<byte> pdu, byte unit) => ModbusPdu.CheckWriteResponse(pdu, unit, Function, address, value);
}

internal readonly struct WriteCoilsOperation(ushort start, ReadOnlyMemory<bool> values) : IModbusOperation
{
    public ModbusFunctionCode Function => ModbusFunctionCode.WriteMultipleCoils;

    public int Encode(Span<byte> pdu) => ModbusPdu.WriteMultipleCoilsRequest(pdu, start, values.Span);

    public void Decode(ReadOnlySpan<byte> pdu, byte unit) => ModbusPdu.CheckWriteResponse(pdu, unit, Function, start, (ushort)values.Length);
}

internal readonly struct WriteRegistersOperation(ushort start, ReadOnlyMemory<ushort> values) : IModbusOperation
{
    public ModbusFunctionCode Function => ModbusFunctionCode.WriteMultipleRegisters;

    public int Encode(Span<byte> pdu) => ModbusPdu.WriteMultipleRegistersRequest(pdu, start, values.Span);

    public void Decode(ReadOnlySpan<byte> pdu, byte unit) => ModbusPdu.CheckWriteResponse(pdu, unit, Function, start, (ushort)values.Length);
}

internal readonly struct ReadWriteRegistersOperation(ushort readStart, Memory<ushort> destination, ushort writeStart, ReadOnlyMemory<ushort> values)
    : IModbusOperation
{
    public ModbusFunctionCode Function => ModbusFunctionCode.ReadWriteMultipleRegisters;

    public int Encode(Span<byte> pdu) =>
        ModbusPdu.WriteReadWriteMultipleRegistersRequest(pdu, readStart, (ushort)Math.Min(destination.Length, ushort.MaxValue), writeStart, values.Span);

    public void Decode(ReadOnlySpan<byte> pdu, byte unit) => ModbusPdu.ReadRegistersResponse(pdu, unit, Function, destination.Span);
}
