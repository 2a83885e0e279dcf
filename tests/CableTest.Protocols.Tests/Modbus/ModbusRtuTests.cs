using CableTest.Protocols.Modbus;

namespace CableTest.Protocols.Tests.Modbus;

public sealed class ModbusRtuTests
{
    private static readonly byte[] Reply = Frame(1, "03 04 00 01 00 02");

    [Fact]
    public void TryFindResponse_CutAtEveryByte_NeedsMoreUntilComplete()
    {
        for (var cut = 0; cut < Reply.Length; cut++)
        {
            Assert.False(ModbusRtu.TryFindResponse(Reply.AsSpan(0, cut), 1, ModbusFunctionCode.ReadHoldingRegisters, out var start, out _, out var skipped));
            Assert.Null(skipped);
            Assert.Equal(0, cut == 0 ? 0 : start);
        }

        Assert.True(ModbusRtu.TryFindResponse(Reply, 1, ModbusFunctionCode.ReadHoldingRegisters, out var s, out var len, out var sk));
        Assert.Equal((0, Reply.Length, (ModbusFrameErrorKind?)null), (s, len, sk));
    }

    [Fact]
    public void TryFindResponse_GarbageBefore_Resynchronises()
    {
        byte[] buffer = [0x00, 0xFF, 0x01, 0x07, 0x55, .. Reply];
        Assert.True(ModbusRtu.TryFindResponse(buffer, 1, ModbusFunctionCode.ReadHoldingRegisters, out var start, out var length, out var skipped));
        Assert.Equal(5, start);
        Assert.Equal(Reply.Length, length);
        Assert.Equal(ModbusFrameErrorKind.Garbage, skipped);
    }

    [Fact]
    public void TryFindResponse_BadCrcThenGoodFrame_FindsGoodAndReportsBadCrc()
    {
        var bad = (byte[])Reply.Clone();
        bad[^1] ^= 0x5A;
        byte[] buffer = [.. bad, .. Reply];
        Assert.True(ModbusRtu.TryFindResponse(buffer, 1, ModbusFunctionCode.ReadHoldingRegisters, out var start, out _, out var skipped));
        Assert.Equal(bad.Length, start);
        Assert.Equal(ModbusFrameErrorKind.BadCrc, skipped);
    }

    [Fact]
    public void TryFindResponse_OnlyBadCrc_NotFoundBadCrcReported()
    {
        var bad = (byte[])Reply.Clone();
        bad[3] ^= 0x01;
        Assert.False(ModbusRtu.TryFindResponse(bad, 1, ModbusFunctionCode.ReadHoldingRegisters, out _, out _, out var skipped));
        Assert.Equal(ModbusFrameErrorKind.BadCrc, skipped);
    }

    [Fact]
    public void TryFindResponse_ExceptionReply_Found()
    {
        var frame = Frame(1, "83 02");
        Assert.True(ModbusRtu.TryFindResponse(frame, 1, ModbusFunctionCode.ReadHoldingRegisters, out _, out var length, out _));
        Assert.Equal(5, length);
    }

    [Fact]
    public void TryFindResponse_OtherUnit_Skipped()
    {
        var other = Frame(2, "03 04 00 01 00 02");
        Assert.False(ModbusRtu.TryFindResponse(other, 1, ModbusFunctionCode.ReadHoldingRegisters, out _, out _, out var skipped));
        Assert.Equal(ModbusFrameErrorKind.Garbage, skipped);
    }

    [Fact]
    public void TryFindRequest_CutAtEveryByte_ThenFound()
    {
        var request = Frame(1, "10 00 01 00 02 04 00 0A 01 02");
        for (var cut = 1; cut < request.Length; cut++)
        {
            Assert.False(ModbusRtu.TryFindRequest(request.AsSpan(0, cut), out var start, out _, out var skipped));
            Assert.Equal(0, start);
            Assert.Null(skipped);
        }

        Assert.True(ModbusRtu.TryFindRequest(request, out var s, out var length, out _));
        Assert.Equal((0, request.Length), (s, length));
    }

    [Theory]
    [InlineData(9600, 10, 3646)]   // 3.5 × 10 bits / 9600 = 3.646 ms
    [InlineData(19200, 11, 2005)]  // 8E1: 3.5 × 11 / 19200 = 2.005 ms
    [InlineData(38400, 10, 1750)]  // fixed above 19200
    [InlineData(115200, 10, 1750)]
    public void InterFrameDelay_Computed(int baud, int bits, int microseconds)
    {
        Assert.Equal(microseconds, (int)Math.Round(ModbusRtu.InterFrameDelay(baud, bits).TotalMicroseconds));
    }

    internal static byte[] Frame(byte unit, string pduHex)
    {
        var pdu = Hex.Bytes(pduHex);
        var frame = new byte[pdu.Length + 3];
        pdu.CopyTo(frame, 1);
        ModbusRtu.SealFrame(frame, unit, pdu.Length);
        return frame;
    }
}
