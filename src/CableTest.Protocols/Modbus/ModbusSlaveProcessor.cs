using System.Buffers.Binary;

namespace CableTest.Protocols.Modbus;

/// <summary>
/// The slave's brain, free of I/O: a request PDU for a unit in, the response PDU out (data or an
/// exception reply). Units are registered with <see cref="AddUnit"/>; a request for an unknown unit
/// gets no reply (as on a real bus), and a broadcast (unit 0) write is applied to every unit and
/// answered by none. Allocation-free per request; thread-safe when the stores are.
/// </summary>
public sealed class ModbusSlaveProcessor
{
    private readonly IModbusDataStore?[] units = new IModbusDataStore?[256];

    /// <summary>A processor serving no units yet.</summary>
    public ModbusSlaveProcessor()
    {
    }

    /// <summary>A processor serving <paramref name="store"/> as <paramref name="unit"/>.</summary>
    public ModbusSlaveProcessor(byte unit, IModbusDataStore store) => AddUnit(unit, store);

    /// <summary>Serves <paramref name="store"/> as unit <paramref name="unit"/> (1..255; 0 is broadcast).</summary>
    public void AddUnit(byte unit, IModbusDataStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfZero(unit);
        Volatile.Write(ref units[unit], store);
    }

    /// <summary>Stops serving <paramref name="unit"/>.</summary>
    public void RemoveUnit(byte unit) => Volatile.Write(ref units[unit], null);

    /// <summary>True when requests for <paramref name="unit"/> are answered (or, for 0, applied).</summary>
    public bool Serves(byte unit) => unit == ModbusLimits.BroadcastAddress || Volatile.Read(ref units[unit]) is not null;

    /// <summary>
    /// Executes <paramref name="request"/> for <paramref name="unit"/> and writes the response PDU to
    /// <paramref name="response"/> (at least <see cref="ModbusLimits.MaxPduLength"/> bytes). Returns
    /// its length, or 0 when no reply must be sent (broadcast, unit not served).
    /// </summary>
    public int Process(byte unit, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (request.IsEmpty)
        {
            return 0;
        }

        if (unit == ModbusLimits.BroadcastAddress)
        {
            for (var u = 1; u < units.Length; u++)
            {
                if (Volatile.Read(ref units[u]) is { } s)
                {
                    _ = Execute(s, request, response);
                }
            }

            return 0;
        }

        var store = Volatile.Read(ref units[unit]);
        return store is null ? 0 : Execute(store, request, response);
    }

    private static int Execute(IModbusDataStore store, ReadOnlySpan<byte> request, Span<byte> response)
    {
        var function = request[0];
        var outcome = (ModbusFunctionCode)function switch
        {
            ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs => ReadBits(store, request, response),
            ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters => ReadRegisters(store, request, response),
            ModbusFunctionCode.WriteSingleCoil => WriteSingleCoil(store, request, response),
            ModbusFunctionCode.WriteSingleRegister => WriteSingleRegister(store, request, response),
            ModbusFunctionCode.WriteMultipleCoils => WriteMultipleCoils(store, request, response),
            ModbusFunctionCode.WriteMultipleRegisters => WriteMultipleRegisters(store, request, response),
            ModbusFunctionCode.ReadWriteMultipleRegisters => ReadWriteMultipleRegisters(store, request, response),
            _ => Result.Fail(ModbusExceptionCode.IllegalFunction),
        };
        return outcome.Code is { } code ? ModbusPdu.WriteExceptionResponse(response, function, code) : outcome.Length;
    }

    private static Result ReadBits(IModbusDataStore store, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (request.Length != 5)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataValue);
        }

        var start = BinaryPrimitives.ReadUInt16BigEndian(request[1..]);
        var count = BinaryPrimitives.ReadUInt16BigEndian(request[3..]);
        if (Check(start, count, ModbusLimits.MaxReadBits) is { } bad)
        {
            return Result.Fail(bad);
        }

        Span<bool> bits = stackalloc bool[ModbusLimits.MaxReadBits];
        bits = bits[..count];
        var code = request[0] == (byte)ModbusFunctionCode.ReadCoils ? store.ReadCoils(start, bits) : store.ReadDiscreteInputs(start, bits);
        if (code is not null)
        {
            return Result.Fail(code.Value);
        }

        var byteCount = (count + 7) / 8;
        response[0] = request[0];
        response[1] = (byte)byteCount;
        ModbusPdu.PackBits(bits, response.Slice(2, byteCount));
        return Result.Ok(2 + byteCount);
    }

    private static Result ReadRegisters(IModbusDataStore store, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (request.Length != 5)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataValue);
        }

        var start = BinaryPrimitives.ReadUInt16BigEndian(request[1..]);
        var count = BinaryPrimitives.ReadUInt16BigEndian(request[3..]);
        if (Check(start, count, ModbusLimits.MaxReadRegisters) is { } bad)
        {
            return Result.Fail(bad);
        }

        Span<ushort> values = stackalloc ushort[ModbusLimits.MaxReadRegisters];
        values = values[..count];
        var code = request[0] == (byte)ModbusFunctionCode.ReadHoldingRegisters
            ? store.ReadHoldingRegisters(start, values)
            : store.ReadInputRegisters(start, values);
        if (code is not null)
        {
            return Result.Fail(code.Value);
        }

        response[0] = request[0];
        response[1] = (byte)(count * 2);
        ModbusPdu.WriteRegisters(values, response[2..]);
        return Result.Ok(2 + (count * 2));
    }

    private static Result WriteSingleCoil(IModbusDataStore store, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (request.Length != 5)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataValue);
        }

        var address = BinaryPrimitives.ReadUInt16BigEndian(request[1..]);
        var value = BinaryPrimitives.ReadUInt16BigEndian(request[3..]);
        if (value is not (0xFF00 or 0x0000))
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataValue);
        }

        ReadOnlySpan<bool> one = [value == 0xFF00];
        return store.WriteCoils(address, one) is { } code ? Result.Fail(code) : Echo(request, response);
    }

    private static Result WriteSingleRegister(IModbusDataStore store, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (request.Length != 5)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataValue);
        }

        var address = BinaryPrimitives.ReadUInt16BigEndian(request[1..]);
        ReadOnlySpan<ushort> one = [BinaryPrimitives.ReadUInt16BigEndian(request[3..])];
        return store.WriteHoldingRegisters(address, one) is { } code ? Result.Fail(code) : Echo(request, response);
    }

    private static Result WriteMultipleCoils(IModbusDataStore store, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (request.Length < 6)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataValue);
        }

        var start = BinaryPrimitives.ReadUInt16BigEndian(request[1..]);
        var count = BinaryPrimitives.ReadUInt16BigEndian(request[3..]);
        var byteCount = request[5];
        if (count is < 1 or > ModbusLimits.MaxWriteBits || byteCount != (count + 7) / 8 || request.Length != 6 + byteCount)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataValue);
        }

        if (start + count > 65536)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataAddress);
        }

        Span<bool> bits = stackalloc bool[ModbusLimits.MaxWriteBits];
        bits = bits[..count];
        ModbusPdu.UnpackBits(request.Slice(6, byteCount), bits);
        return store.WriteCoils(start, bits) is { } code ? Result.Fail(code) : Echo(request, response);
    }

    private static Result WriteMultipleRegisters(IModbusDataStore store, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (request.Length < 6)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataValue);
        }

        var start = BinaryPrimitives.ReadUInt16BigEndian(request[1..]);
        var count = BinaryPrimitives.ReadUInt16BigEndian(request[3..]);
        var byteCount = request[5];
        if (count is < 1 or > ModbusLimits.MaxWriteRegisters || byteCount != count * 2 || request.Length != 6 + byteCount)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataValue);
        }

        if (start + count > 65536)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataAddress);
        }

        Span<ushort> values = stackalloc ushort[ModbusLimits.MaxWriteRegisters];
        values = values[..count];
        ModbusPdu.ReadRegisters(request[6..], values);
        return store.WriteHoldingRegisters(start, values) is { } code ? Result.Fail(code) : Echo(request, response);
    }

    private static Result ReadWriteMultipleRegisters(IModbusDataStore store, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (request.Length < 10)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataValue);
        }

        var readStart = BinaryPrimitives.ReadUInt16BigEndian(request[1..]);
        var readCount = BinaryPrimitives.ReadUInt16BigEndian(request[3..]);
        var writeStart = BinaryPrimitives.ReadUInt16BigEndian(request[5..]);
        var writeCount = BinaryPrimitives.ReadUInt16BigEndian(request[7..]);
        var byteCount = request[9];
        if (readCount is < 1 or > ModbusLimits.MaxReadRegisters || writeCount is < 1 or > ModbusLimits.MaxReadWriteWriteRegisters
            || byteCount != writeCount * 2 || request.Length != 10 + byteCount)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataValue);
        }

        if (readStart + readCount > 65536 || writeStart + writeCount > 65536)
        {
            return Result.Fail(ModbusExceptionCode.IllegalDataAddress);
        }

        Span<ushort> values = stackalloc ushort[ModbusLimits.MaxReadRegisters];
        var written = values[..writeCount];
        ModbusPdu.ReadRegisters(request[10..], written);
        if (store.WriteHoldingRegisters(writeStart, written) is { } writeCode)
        {
            return Result.Fail(writeCode);
        }

        var read = values[..readCount];
        if (store.ReadHoldingRegisters(readStart, read) is { } readCode)
        {
            return Result.Fail(readCode);
        }

        response[0] = request[0];
        response[1] = (byte)(readCount * 2);
        ModbusPdu.WriteRegisters(read, response[2..]);
        return Result.Ok(2 + (readCount * 2));
    }

    private static Result Echo(ReadOnlySpan<byte> request, Span<byte> response)
    {
        request[..5].CopyTo(response);
        return Result.Ok(5);
    }

    private static ModbusExceptionCode? Check(ushort start, ushort count, int max) =>
        count < 1 || count > max ? ModbusExceptionCode.IllegalDataValue
        : start + count > 65536 ? ModbusExceptionCode.IllegalDataAddress
        : null;

    private readonly record struct Result(int Length, ModbusExceptionCode? Code)
    {
        public static Result Ok(int length) => new(length, null);

        public static Result Fail(ModbusExceptionCode code) => new(0, code);
    }
}
