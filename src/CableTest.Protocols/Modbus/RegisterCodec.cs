using System.Buffers.Binary;

namespace CableTest.Protocols.Modbus;

/// <summary>
/// Turns registers into engineering values and back: <c>value = raw × Scale + Offset</c>, where raw
/// is the <see cref="Type"/> read in <see cref="Order"/>. Immutable and allocation-free.
/// </summary>
public sealed class RegisterCodec
{
    public RegisterCodec(RegisterValueType type, RegisterByteOrder order = RegisterByteOrder.ABCD, double scale = 1, double offset = 0)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "unknown register value type");
        }

        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "unknown byte order");
        }

        if (!double.IsFinite(scale) || scale == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be finite and non-zero");
        }

        if (!double.IsFinite(offset))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be finite");
        }

        Type = type;
        Order = order;
        Scale = scale;
        Offset = offset;
    }

    public RegisterValueType Type { get; }

    public RegisterByteOrder Order { get; }

    public double Scale { get; }

    public double Offset { get; }

    /// <summary>Registers one value occupies (1, 2 or 4).</summary>
    public int RegisterCount => RegistersFor(Type);

    /// <summary>Registers a value of <paramref name="type"/> occupies.</summary>
    public static int RegistersFor(RegisterValueType type) => type switch
    {
        RegisterValueType.Int16 or RegisterValueType.UInt16 => 1,
        RegisterValueType.Int32 or RegisterValueType.UInt32 or RegisterValueType.Float32 => 2,
        _ => 4,
    };

    /// <summary>The engineering value held by the first <see cref="RegisterCount"/> registers.</summary>
    public double Decode(ReadOnlySpan<ushort> registers)
    {
        var n = RegisterCount;
        if (registers.Length < n)
        {
            throw new ArgumentException($"{Type} needs {n} registers, got {registers.Length}", nameof(registers));
        }

        Span<byte> bytes = stackalloc byte[8];
        bytes = bytes[..(n * 2)];
        ToBigEndian(registers[..n], Order, bytes);
        double raw = Type switch
        {
            RegisterValueType.Int16 => BinaryPrimitives.ReadInt16BigEndian(bytes),
            RegisterValueType.UInt16 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            RegisterValueType.Int32 => BinaryPrimitives.ReadInt32BigEndian(bytes),
            RegisterValueType.UInt32 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            RegisterValueType.Float32 => BinaryPrimitives.ReadSingleBigEndian(bytes),
            _ => BinaryPrimitives.ReadDoubleBigEndian(bytes),
        };
        return Scale == 1 && Offset == 0 ? raw : (raw * Scale) + Offset;
    }

    /// <summary>
    /// Writes <paramref name="value"/> into the first <see cref="RegisterCount"/> registers. Integer
    /// types round to nearest; a value outside the type's range is an <see cref="OverflowException"/>.
    /// </summary>
    public void Encode(double value, Span<ushort> registers)
    {
        var n = RegisterCount;
        if (registers.Length < n)
        {
            throw new ArgumentException($"{Type} needs {n} registers, got {registers.Length}", nameof(registers));
        }

        var raw = Scale == 1 && Offset == 0 ? value : (value - Offset) / Scale;
        Span<byte> bytes = stackalloc byte[8];
        bytes = bytes[..(n * 2)];
        switch (Type)
        {
            case RegisterValueType.Int16:
                BinaryPrimitives.WriteInt16BigEndian(bytes, (short)Integer(raw, short.MinValue, short.MaxValue));
                break;
            case RegisterValueType.UInt16:
                BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)Integer(raw, ushort.MinValue, ushort.MaxValue));
                break;
            case RegisterValueType.Int32:
                BinaryPrimitives.WriteInt32BigEndian(bytes, (int)Integer(raw, int.MinValue, int.MaxValue));
                break;
            case RegisterValueType.UInt32:
                BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)Integer(raw, uint.MinValue, uint.MaxValue));
                break;
            case RegisterValueType.Float32:
                BinaryPrimitives.WriteSingleBigEndian(bytes, (float)raw);
                break;
            default:
                BinaryPrimitives.WriteDoubleBigEndian(bytes, raw);
                break;
        }

        FromBigEndian(bytes, Order, registers[..n]);
    }

    /// <summary>Lays registers out as the value's big-endian bytes (A first).</summary>
    public static void ToBigEndian(ReadOnlySpan<ushort> registers, RegisterByteOrder order, Span<byte> bytes)
    {
        var n = registers.Length;
        for (var i = 0; i < n; i++)
        {
            var word = order is RegisterByteOrder.ABCD or RegisterByteOrder.BADC ? i : n - 1 - i;
            var r = registers[i];
            var swap = order is RegisterByteOrder.BADC or RegisterByteOrder.DCBA;
            bytes[2 * word] = swap ? (byte)r : (byte)(r >> 8);
            bytes[(2 * word) + 1] = swap ? (byte)(r >> 8) : (byte)r;
        }
    }

    /// <summary>The inverse of <see cref="ToBigEndian"/>.</summary>
    public static void FromBigEndian(ReadOnlySpan<byte> bytes, RegisterByteOrder order, Span<ushort> registers)
    {
        var n = registers.Length;
        for (var i = 0; i < n; i++)
        {
            var word = order is RegisterByteOrder.ABCD or RegisterByteOrder.BADC ? i : n - 1 - i;
            var hi = bytes[2 * word];
            var lo = bytes[(2 * word) + 1];
            registers[i] = order is RegisterByteOrder.BADC or RegisterByteOrder.DCBA
                ? (ushort)((lo << 8) | hi)
                : (ushort)((hi << 8) | lo);
        }
    }

    private double Integer(double raw, double min, double max)
    {
        var rounded = Math.Round(raw, MidpointRounding.AwayFromZero);
        if (double.IsNaN(rounded) || rounded < min || rounded > max)
        {
            throw new OverflowException($"{raw} does not fit {Type} ({min}..{max})");
        }

        return rounded;
    }
}
