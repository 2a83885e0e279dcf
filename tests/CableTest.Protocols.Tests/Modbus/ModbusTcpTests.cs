using CableTest.Protocols.Modbus;

namespace CableTest.Protocols.Tests.Modbus;

public sealed class ModbusTcpTests
{
    [Fact]
    public void SealFrame_ReadHolding_MbapBytes()
    {
        var frame = new byte[260];
        var n = ModbusPdu.WriteReadRequest(frame.AsSpan(ModbusTcp.HeaderLength), ModbusFunctionCode.ReadHoldingRegisters, 0, 10);
        var total = ModbusTcp.SealFrame(frame, 0x1234, 1, n);
        Assert.Equal("12340000000601030000000A", Hex.Of(frame.AsSpan(0, total)));
    }

    [Fact]
    public void TryReadFrame_CutAtEveryByte()
    {
        var frame = Hex.Bytes("0001 0000 0007 01 03 04 00 01 00 02");
        for (var cut = 0; cut < frame.Length; cut++)
        {
            Assert.False(ModbusTcp.TryReadFrame(frame.AsSpan(0, cut), out _, out _));
        }

        Assert.True(ModbusTcp.TryReadFrame(frame, out var header, out var length));
        Assert.Equal(new ModbusTcpHeader(1, 0, 7, 1), header);
        Assert.Equal(frame.Length, length);
        Assert.Equal(6, header.PduLength);
    }

    [Theory]
    [InlineData("0001 0001 0006 01 03 00 00 00 01", ModbusFrameErrorKind.BadProtocolId)]
    [InlineData("0001 0000 0001 01", ModbusFrameErrorKind.BadLength)]
    [InlineData("0001 0000 0100 01", ModbusFrameErrorKind.BadLength)]
    public void TryReadFrame_ImpossibleHeader_Throws(string hex, ModbusFrameErrorKind kind)
    {
        var e = Assert.Throws<ModbusFrameException>(() => ModbusTcp.TryReadFrame(Hex.Bytes(hex), out _, out _));
        Assert.Equal(kind, e.Kind);
    }
}
