using System.Buffers.Binary;

namespace CableTest.Protocols.Modbus;

/// <summary>
/// Encodes request PDUs (function code + data) into caller-owned spans and returns their length.
/// Nothing here allocates; limits are enforced with <see cref="ArgumentOutOfRangeException"/>s that
/// name the limit. Responses are decoded by the <c>Read*Response</c> / <c>Check*</c> methods.
/// </summary>
public static partial class ModbusPdu
{
    /// <summary>Encodes FC 1, 2, 3 or 4: read <paramref name="count"/> items from <paramref name="startAddress"/>.</summary>
    public static int WriteReadRequest(Span<byte> pdu, ModbusFunctionCode function, ushort startAddress, ushort count)
    {
        var max = function switch
        {
            ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs => ModbusLimits.MaxReadBits,
            ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters => ModbusLimits.MaxReadRegisters,
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, "not a read function (1, 2, 3 or 4)"),
        };
        CheckRange(function, startAddress, count, max, nameof(count));
        pdu[0] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], startAddress);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], count);
        return 5;
    }

    /// <summary>Encodes FC 5: coil on (0xFF00) or off (0x0000).</summary>
    public static int WriteSingleCoilRequest(Span<byte> pdu, ushort address, bool value)
    {
        pdu[0] = (byte)ModbusFunctionCode.WriteSingleCoil;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], value ? (ushort)0xFF00 : (ushort)0);
        return 5;
    }

    /// <summary>Encodes FC 6.</summary>
    public static int WriteSingleRegisterRequest(Span<byte> pdu, ushort address, ushort value)
    {
        pdu[0] = (byte)ModbusFunctionCode.WriteSingleRegister;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], value);
        return 5;
    }

    /// <summary>Encodes FC 15: <paramref name="values"/> packed eight to a byte, first coil in the low bit.</summary>
    public static int WriteMultipleCoilsRequest(Span<byte> pdu, ushort startAddress, ReadOnlySpan<bool> values)
    {
        CheckRange(ModbusFunctionCode.WriteMultipleCoils, startAddress, values.Length, ModbusLimits.MaxWriteBits, nameof(values));
        var byteCount = (values.Length + 7) / 8;
        pdu[0] = (byte)ModbusFunctionCode.WriteMultipleCoils;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], startAddress);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], (ushort)values.Length);
        pdu[5] = (byte)byteCount;
        PackBits(values, pdu.Slice(6, byteCount));
        return 6 + byteCount;
    }

    /// <summary>Encodes FC 16.</summary>
    public static int WriteMultipleRegistersRequest(Span<byte> pdu, ushort startAddress, ReadOnlySpan<ushort> values)
    {
        CheckRange(ModbusFunctionCode.WriteMultipleRegisters, startAddress, values.Length, ModbusLimits.MaxWriteRegisters, nameof(values));
        pdu[0] = (byte)ModbusFunctionCode.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], startAddress);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], (ushort)values.Length);
        pdu[5] = (byte)(values.Length * 2);
        WriteRegisters(values, pdu[6..]);
        return 6 + (values.Length * 2);
    }

    /// <summary>Encodes FC 23: write <paramref name="writeValues"/> at <paramref name="writeStartAddress"/>, then read.</summary>
    public static int WriteReadWriteMultipleRegistersRequest(Span<byte> pdu, ushort readStartAddress, ushort readCount,
        ushort writeStartAddress, ReadOnlySpan<ushort> writeValues)
    {
        CheckRange(ModbusFunctionCode.ReadWriteMultipleRegisters, readStartAddress, readCount, ModbusLimits.MaxReadRegisters, nameof(readCount));
        CheckRange(ModbusFunctionCode.ReadWriteMultipleRegisters, writeStartAddress, writeValues.Length, ModbusLimits.MaxReadWriteWriteRegisters,
            nameof(writeValues));
        pdu[0] = (byte)ModbusFunctionCode.ReadWriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], readStartAddress);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], readCount);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[5..], writeStartAddress);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[7..], (ushort)writeValues.Length);
        pdu[9] = (byte)(writeValues.Length * 2);
        WriteRegisters(writeValues, pdu[10..]);
        return 10 + (writeValues.Length * 2);
    }

    /// <summary>Encodes an exception reply: function | 0x80, code.</summary>
    public static int WriteExceptionResponse(Span<byte> pdu, byte function, ModbusExceptionCode code)
    {
        pdu[0] = (byte)(function | 0x80);
        pdu[1] = (byte)code;
        return 2;
    }

    /// <summary>Packs bits eight to a byte, first in the least significant bit; unused high bits are 0.</summary>
    public static void PackBits(ReadOnlySpan<bool> values, Span<byte> destination)
    {
        var byteCount = (values.Length + 7) / 8;
        destination[..byteCount].Clear();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                destination[i >> 3] |= (byte)(1 << (i & 7));
            }
        }
    }

    /// <summary>Unpacks <paramref name="destination"/>.Length bits.</summary>
    public static void UnpackBits(ReadOnlySpan<byte> source, Span<bool> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (source[i >> 3] & (1 << (i & 7))) != 0;
        }
    }

    /// <summary>Writes registers big-endian.</summary>
    public static void WriteRegisters(ReadOnlySpan<ushort> values, Span<byte> destination)
    {
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[(i * 2)..], values[i]);
        }
    }

    /// <summary>Reads <paramref name="destination"/>.Length big-endian registers.</summary>
    public static void ReadRegisters(ReadOnlySpan<byte> source, Span<ushort> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadUInt16BigEndian(source[(i * 2)..]);
        }
    }

    private static void CheckRange(ModbusFunctionCode function, ushort startAddress, int count, int max, string parameter)
    {
        if (count < 1 || count > max)
        {
            throw new ArgumentOutOfRangeException(parameter, count,
                $"function {(byte)function} ({function}): quantity must be 1..{max} (Modbus limit), got {count}");
        }

        if (startAddress + count > 65536)
        {
            throw new ArgumentOutOfRangeException(parameter, count,
                $"function {(byte)function} ({function}): {count} items from address {startAddress} run past 65535");
        }
    }
}
