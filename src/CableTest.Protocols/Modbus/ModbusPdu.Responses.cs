using System.Buffers.Binary;

namespace CableTest.Protocols.Modbus;

public static partial class ModbusPdu
{
    /// <summary>
    /// Checks that <paramref name="pdu"/> answers <paramref name="function"/>: throws
    /// <see cref="ModbusException"/> for an exception reply, <see cref="ModbusFrameException"/> for
    /// another function or an empty PDU.
    /// </summary>
    public static void CheckFunction(ReadOnlySpan<byte> pdu, byte slaveAddress, ModbusFunctionCode function)
    {
        if (pdu.IsEmpty)
        {
            throw new ModbusFrameException(ModbusFrameErrorKind.Truncated, $"unit {slaveAddress}: empty reply to function {(byte)function}");
        }

        if (pdu[0] == (byte)function)
        {
            return;
        }

        if (pdu[0] == ((byte)function | 0x80))
        {
            if (pdu.Length != 2)
            {
                throw new ModbusFrameException(ModbusFrameErrorKind.BadLength,
                    $"unit {slaveAddress}: exception reply to function {(byte)function} is {pdu.Length} bytes, expected 2");
            }

            throw new ModbusException(slaveAddress, function, (ModbusExceptionCode)pdu[1]);
        }

        throw new ModbusFrameException(ModbusFrameErrorKind.UnexpectedResponse,
            $"unit {slaveAddress}: reply has function {pdu[0]}, request was {(byte)function}");
    }

    /// <summary>Decodes the reply to FC 3, 4 or 23 into <paramref name="destination"/> (its length is the requested count).</summary>
    public static void ReadRegistersResponse(ReadOnlySpan<byte> pdu, byte slaveAddress, ModbusFunctionCode function, Span<ushort> destination)
    {
        CheckFunction(pdu, slaveAddress, function);
        var data = CheckByteCount(pdu, slaveAddress, function, destination.Length * 2);
        ReadRegisters(data, destination);
    }

    /// <summary>Decodes the reply to FC 1 or 2 into <paramref name="destination"/> (its length is the requested count).</summary>
    public static void ReadBitsResponse(ReadOnlySpan<byte> pdu, byte slaveAddress, ModbusFunctionCode function, Span<bool> destination)
    {
        CheckFunction(pdu, slaveAddress, function);
        var data = CheckByteCount(pdu, slaveAddress, function, (destination.Length + 7) / 8);
        UnpackBits(data, destination);
    }

    /// <summary>
    /// Checks the echo of FC 5, 6 (address, value) or FC 15, 16 (address, quantity):
    /// <see cref="ModbusFrameException"/> (<see cref="ModbusFrameErrorKind.UnexpectedResponse"/>) when it differs.
    /// </summary>
    public static void CheckWriteResponse(ReadOnlySpan<byte> pdu, byte slaveAddress, ModbusFunctionCode function, ushort address, ushort valueOrQuantity)
    {
        CheckFunction(pdu, slaveAddress, function);
        if (pdu.Length != 5)
        {
            throw new ModbusFrameException(pdu.Length < 5 ? ModbusFrameErrorKind.Truncated : ModbusFrameErrorKind.BadLength,
                $"unit {slaveAddress}: reply to function {(byte)function} is {pdu.Length} bytes, expected 5");
        }

        var echoedAddress = BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]);
        var echoedValue = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        if (echoedAddress != address || echoedValue != valueOrQuantity)
        {
            throw new ModbusFrameException(ModbusFrameErrorKind.UnexpectedResponse,
                $"unit {slaveAddress}: function {(byte)function} echoed address {echoedAddress} value {echoedValue}, sent {address} {valueOrQuantity}");
        }
    }

    private static ReadOnlySpan<byte> CheckByteCount(ReadOnlySpan<byte> pdu, byte slaveAddress, ModbusFunctionCode function, int expected)
    {
        if (pdu.Length < 2)
        {
            throw new ModbusFrameException(ModbusFrameErrorKind.Truncated, $"unit {slaveAddress}: reply to function {(byte)function} has no byte count");
        }

        if (pdu[1] != expected)
        {
            throw new ModbusFrameException(ModbusFrameErrorKind.UnexpectedResponse,
                $"unit {slaveAddress}: reply to function {(byte)function} carries {pdu[1]} data bytes, expected {expected}");
        }

        if (pdu.Length != 2 + expected)
        {
            throw new ModbusFrameException(pdu.Length < 2 + expected ? ModbusFrameErrorKind.Truncated : ModbusFrameErrorKind.BadLength,
                $"unit {slaveAddress}: reply to function {(byte)function} is {pdu.Length} bytes, expected {2 + expected}");
        }

        return pdu.Slice(2, expected);
    }
}
