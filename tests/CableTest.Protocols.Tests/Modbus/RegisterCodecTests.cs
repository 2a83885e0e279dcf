using CableTest.Protocols.Modbus;
using FsCheck;
using FsCheck.Xunit;

namespace CableTest.Protocols.Tests.Modbus;

public sealed class RegisterCodecTests
{
    // 123456.0f = 0x47F12000; bytes A=47 B=F1 C=20 D=00.
    [Theory]
    [InlineData(RegisterByteOrder.ABCD, 0x47F1, 0x2000)]
    [InlineData(RegisterByteOrder.CDAB, 0x2000, 0x47F1)]
    [InlineData(RegisterByteOrder.BADC, 0xF147, 0x0020)]
    [InlineData(RegisterByteOrder.DCBA, 0x0020, 0xF147)]
    public void Decode_Float32_EveryOrder(RegisterByteOrder order, int r0, int r1)
    {
        var codec = new RegisterCodec(RegisterValueType.Float32, order);
        Assert.Equal(123456.0, codec.Decode([(ushort)r0, (ushort)r1]));
        var back = new ushort[2];
        codec.Encode(123456.0, back);
        Assert.Equal(new[] { (ushort)r0, (ushort)r1 }, back);
    }

    [Theory]
    [InlineData(RegisterByteOrder.ABCD, new ushort[] { 0x0102, 0x0304, 0x0506, 0x0708 })]
    [InlineData(RegisterByteOrder.CDAB, new ushort[] { 0x0708, 0x0506, 0x0304, 0x0102 })]
    [InlineData(RegisterByteOrder.BADC, new ushort[] { 0x0201, 0x0403, 0x0605, 0x0807 })]
    [InlineData(RegisterByteOrder.DCBA, new ushort[] { 0x0807, 0x0605, 0x0403, 0x0201 })]
    public void ToBigEndian_Float64Layouts(RegisterByteOrder order, ushort[] registers)
    {
        var bytes = new byte[8];
        RegisterCodec.ToBigEndian(registers, order, bytes);
        Assert.Equal("0102030405060708", Hex.Of(bytes));
    }

    [Fact]
    public void Decode_ScaleAndOffset_Applied()
    {
        var codec = new RegisterCodec(RegisterValueType.Int16, RegisterByteOrder.ABCD, scale: 0.1, offset: -40);
        Assert.Equal(-40 + (-12.3), codec.Decode([unchecked((ushort)-123)]), 9);
        var r = new ushort[1];
        codec.Encode(20.5, r);
        Assert.Equal(605, r[0]);
    }

    [Fact]
    public void Encode_OutOfRange_Overflow()
    {
        var codec = new RegisterCodec(RegisterValueType.UInt16);
        Assert.Throws<OverflowException>(() => codec.Encode(65536, new ushort[1]));
        Assert.Throws<OverflowException>(() => codec.Encode(-1, new ushort[1]));
        Assert.Throws<OverflowException>(() => codec.Encode(double.NaN, new ushort[1]));
        Assert.Throws<ArgumentException>(() => new RegisterCodec(RegisterValueType.Float64).Decode(new ushort[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegisterCodec(RegisterValueType.Int32, scale: 0));
    }

    [Property]
    public bool Int32_RoundTrips_EveryOrder(int value, byte orderPick)
    {
        var codec = new RegisterCodec(RegisterValueType.Int32, (RegisterByteOrder)(orderPick % 4));
        var r = new ushort[2];
        codec.Encode(value, r);
        return codec.Decode(r) == value;
    }

    [Property]
    public bool UInt32_RoundTrips_EveryOrder(uint value, byte orderPick)
    {
        var codec = new RegisterCodec(RegisterValueType.UInt32, (RegisterByteOrder)(orderPick % 4));
        var r = new ushort[2];
        codec.Encode(value, r);
        return codec.Decode(r) == value;
    }

    [Property]
    public bool Int16AndUInt16_RoundTrip(short s, ushort u, byte orderPick)
    {
        var order = (RegisterByteOrder)(orderPick % 4);
        var r = new ushort[1];
        var i16 = new RegisterCodec(RegisterValueType.Int16, order);
        var u16 = new RegisterCodec(RegisterValueType.UInt16, order);
        i16.Encode(s, r);
        var ok = i16.Decode(r) == s;
        u16.Encode(u, r);
        return ok && u16.Decode(r) == u;
    }

    [Property]
    public bool Float32_RoundTripsBitExact(NormalFloat value, byte orderPick)
    {
        var f = (float)value.Get;
        var codec = new RegisterCodec(RegisterValueType.Float32, (RegisterByteOrder)(orderPick % 4));
        var r = new ushort[2];
        codec.Encode(f, r);
        return BitConverter.SingleToInt32Bits((float)codec.Decode(r)) == BitConverter.SingleToInt32Bits(f);
    }

    [Property]
    public bool Float64_RoundTripsBitExact(double value, byte orderPick)
    {
        var codec = new RegisterCodec(RegisterValueType.Float64, (RegisterByteOrder)(orderPick % 4));
        var r = new ushort[4];
        codec.Encode(value, r);
        var back = codec.Decode(r);
        return double.IsNaN(value) ? double.IsNaN(back) : BitConverter.DoubleToInt64Bits(back) == BitConverter.DoubleToInt64Bits(value);
    }

    [Property]
    public bool FromBigEndian_InvertsToBigEndian(ushort a, ushort b, ushort c, ushort d, byte orderPick)
    {
        var order = (RegisterByteOrder)(orderPick % 4);
        ushort[] registers = [a, b, c, d];
        var bytes = new byte[8];
        RegisterCodec.ToBigEndian(registers, order, bytes);
        var back = new ushort[4];
        RegisterCodec.FromBigEndian(bytes, order, back);
        return registers.SequenceEqual(back);
    }
}
