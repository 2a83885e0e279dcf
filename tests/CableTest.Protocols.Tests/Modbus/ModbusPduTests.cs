using CableTest.Protocols.Modbus;

namespace CableTest.Protocols.Tests.Modbus;

public sealed class ModbusPduTests
{
    [Fact]
    public void WriteReadRequest_ReadHolding_SpecBytes()
    {
        var frame = new byte[256];
        var n = ModbusPdu.WriteReadRequest(frame.AsSpan(1), ModbusFunctionCode.ReadHoldingRegisters, 0, 10);
        var total = ModbusRtu.SealFrame(frame, 1, n);
        Assert.Equal("01030000000AC5CD", Hex.Of(frame.AsSpan(0, total)));
    }

    [Fact]
    public void WriteMultipleCoilsRequest_SpecExample_PacksLowBitFirst()
    {
        // Spec §6.11: write 10 coils from 20 (0x13): CD 01.
        bool[] coils = [true, false, true, true, false, false, true, true, true, false];
        var pdu = new byte[253];
        var n = ModbusPdu.WriteMultipleCoilsRequest(pdu, 19, coils);
        Assert.Equal("0F0013000A02CD01", Hex.Of(pdu.AsSpan(0, n)));
    }

    [Fact]
    public void WriteMultipleRegistersRequest_SpecExample()
    {
        var pdu = new byte[253];
        var n = ModbusPdu.WriteMultipleRegistersRequest(pdu, 1, [0x000A, 0x0102]);
        Assert.Equal("100001000204000A0102", Hex.Of(pdu.AsSpan(0, n)));
    }

    [Fact]
    public void WriteReadWriteMultipleRegistersRequest_SpecExample()
    {
        // Spec §6.17: read 6 from 3, write 3 from 14 (0x0E): 00FF 00FF 00FF.
        var pdu = new byte[253];
        var n = ModbusPdu.WriteReadWriteMultipleRegistersRequest(pdu, 3, 6, 14, [0xFF, 0xFF, 0xFF]);
        Assert.Equal("170003000600" + "0E000306" + "00FF00FF00FF", Hex.Of(pdu.AsSpan(0, n)));
    }

    [Fact]
    public void WriteSingleCoilRequest_On_FF00()
    {
        var pdu = new byte[5];
        ModbusPdu.WriteSingleCoilRequest(pdu, 0xAC, true);
        Assert.Equal("0500ACFF00", Hex.Of(pdu));
    }

    [Theory]
    [InlineData(ModbusFunctionCode.ReadHoldingRegisters, 125, true)]
    [InlineData(ModbusFunctionCode.ReadHoldingRegisters, 126, false)]
    [InlineData(ModbusFunctionCode.ReadInputRegisters, 0, false)]
    [InlineData(ModbusFunctionCode.ReadCoils, 2000, true)]
    [InlineData(ModbusFunctionCode.ReadDiscreteInputs, 2001, false)]
    public void WriteReadRequest_Limits(ModbusFunctionCode function, int count, bool ok)
    {
        var pdu = new byte[253];
        if (ok)
        {
            Assert.Equal(5, ModbusPdu.WriteReadRequest(pdu, function, 0, (ushort)count));
        }
        else
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => ModbusPdu.WriteReadRequest(pdu, function, 0, (ushort)count));
            Assert.Contains("Modbus limit", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WriteRequests_WriteLimits()
    {
        var pdu = new byte[253];
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusPdu.WriteMultipleRegistersRequest(pdu, 0, new ushort[124]));
        Assert.Equal(6 + 246, ModbusPdu.WriteMultipleRegistersRequest(pdu, 0, new ushort[123]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusPdu.WriteMultipleCoilsRequest(pdu, 0, new bool[1969]));
        Assert.Equal(6 + 246, ModbusPdu.WriteMultipleCoilsRequest(pdu, 0, new bool[1968]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusPdu.WriteReadWriteMultipleRegistersRequest(pdu, 0, 1, 0, new ushort[122]));
        Assert.Equal(10 + 242, ModbusPdu.WriteReadWriteMultipleRegistersRequest(pdu, 0, 125, 0, new ushort[121]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusPdu.WriteMultipleRegistersRequest(pdu, 65535, new ushort[2]));
    }

    [Fact]
    public void ReadRegistersResponse_Valid_Decodes()
    {
        var values = new ushort[3];
        ModbusPdu.ReadRegistersResponse(Hex.Bytes("03 06 02 2B 00 00 00 64"), 17, ModbusFunctionCode.ReadHoldingRegisters, values);
        Assert.Equal(new ushort[] { 0x022B, 0, 0x64 }, values);
    }

    [Theory]
    [InlineData("83 02", typeof(ModbusException))]
    [InlineData("83 02 00", typeof(ModbusFrameException))]
    [InlineData("04 06 02 2B 00 00 00 64", typeof(ModbusFrameException))]
    [InlineData("03 04 02 2B 00 00", typeof(ModbusFrameException))]
    [InlineData("03 06 02 2B 00 00 00", typeof(ModbusFrameException))]
    [InlineData("03 06 02 2B 00 00 00 64 00", typeof(ModbusFrameException))]
    [InlineData("03", typeof(ModbusFrameException))]
    [InlineData("", typeof(ModbusFrameException))]
    public void ReadRegistersResponse_Malformed_TypedError(string hex, Type expected)
    {
        var values = new ushort[3];
        var e = Record.Exception(() => ModbusPdu.ReadRegistersResponse(Hex.Bytes(hex), 17, ModbusFunctionCode.ReadHoldingRegisters, values));
        Assert.IsType(expected, e);
    }

    [Fact]
    public void CheckFunction_Exception_TypedCodeAndTransience()
    {
        var busy = Assert.Throws<ModbusException>(() => ModbusPdu.CheckFunction(Hex.Bytes("90 06"), 3, ModbusFunctionCode.WriteMultipleRegisters));
        Assert.Equal(ModbusExceptionCode.ServerDeviceBusy, busy.ExceptionCode);
        Assert.Equal(3, busy.SlaveAddress);
        Assert.True(busy.IsTransient);
        var ack = Assert.Throws<ModbusException>(() => ModbusPdu.CheckFunction(Hex.Bytes("90 05"), 3, ModbusFunctionCode.WriteMultipleRegisters));
        Assert.True(ack.IsTransient);
        for (byte code = 1; code <= 11; code++)
        {
            var e = Assert.Throws<ModbusException>(() => ModbusPdu.CheckFunction([0x83, code], 1, ModbusFunctionCode.ReadHoldingRegisters));
            Assert.Equal(code, (byte)e.ExceptionCode);
            Assert.Equal(code is 5 or 6, e.IsTransient);
        }
    }

    [Theory]
    [InlineData("06 00 01 00 03", true)]
    [InlineData("06 00 01 00 04", false)]
    [InlineData("06 00 02 00 03", false)]
    [InlineData("06 00 01 00", false)]
    public void CheckWriteResponse_EchoMismatch_UnexpectedResponse(string hex, bool ok)
    {
        var e = Record.Exception(() => ModbusPdu.CheckWriteResponse(Hex.Bytes(hex), 1, ModbusFunctionCode.WriteSingleRegister, 1, 3));
        if (ok)
        {
            Assert.Null(e);
        }
        else
        {
            Assert.IsType<ModbusFrameException>(e);
        }
    }

    [Fact]
    public void ReadBitsResponse_SpecExample()
    {
        // Spec §6.1: coils 20..38: CD 6B 05.
        var bits = new bool[19];
        ModbusPdu.ReadBitsResponse(Hex.Bytes("01 03 CD 6B 05"), 1, ModbusFunctionCode.ReadCoils, bits);
        Assert.Equal("1011001111010110101", string.Concat(bits.Select(b => b ? '1' : '0')));
    }
}
