using CableTest.Protocols.Modbus;

namespace CableTest.Protocols.Tests.Modbus;

public sealed class ModbusSlaveProcessorTests
{
    private readonly ModbusDataStore store = new();
    private readonly ModbusSlaveProcessor processor;

    public ModbusSlaveProcessorTests()
    {
        processor = new ModbusSlaveProcessor(1, store);
        store.SetHoldingRegisters(0, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        store.SetInputRegisters(0, [0, 2, 4]);
        store.SetDiscreteInputs(0, [true, false, true]);
    }

    [Theory]
    [InlineData("03 00 00 00 03", "03 06 0000 0001 0002")]
    [InlineData("04 00 01 00 02", "04 04 0002 0004")]
    [InlineData("02 00 00 00 03", "02 01 05")]
    [InlineData("01 00 00 00 01", "01 01 00")]
    [InlineData("05 00 02 FF 00", "05 00 02 FF 00")]
    [InlineData("06 00 02 12 34", "06 00 02 12 34")]
    [InlineData("0F 00 00 00 0A 02 CD 01", "0F 00 00 00 0A")]
    [InlineData("10 00 00 00 02 04 00 0A 01 02", "10 00 00 00 02")]
    [InlineData("17 00 00 00 02 00 01 00 01 02 AB CD", "17 04 0000 ABCD")]
    [InlineData("03 00 00 00 7E", "83 03")]      // 126 registers
    [InlineData("03 FF FF 00 02", "83 02")]      // past 65535
    [InlineData("05 00 02 12 34", "85 03")]      // coil value must be FF00 or 0000
    [InlineData("10 00 00 00 02 03 00 0A 01", "90 03")] // byte count contradicts quantity
    [InlineData("03 00 00", "83 03")]            // short PDU
    [InlineData("2B 0E 01 00", "AB 01")]         // unsupported function
    public void Process_Requests_SpecResponses(string request, string response)
    {
        var buffer = new byte[253];
        var n = processor.Process(1, Hex.Bytes(request), buffer);
        Assert.Equal(Hex.Of(Hex.Bytes(response)), Hex.Of(buffer.AsSpan(0, n)));
    }

    [Fact]
    public void Process_UnknownUnit_NoReply()
    {
        Assert.Equal(0, processor.Process(7, Hex.Bytes("03 00 00 00 01"), new byte[253]));
    }

    [Fact]
    public void Process_Broadcast_AppliedToAllUnitsNoReply()
    {
        var second = new ModbusDataStore();
        processor.AddUnit(2, second);
        Assert.Equal(0, processor.Process(0, Hex.Bytes("06 00 05 00 2A"), new byte[253]));
        Assert.Equal(42, store.GetHoldingRegister(5));
        Assert.Equal(42, second.GetHoldingRegister(5));
    }

    [Fact]
    public void Process_SmallStore_IllegalDataAddress()
    {
        var small = new ModbusSlaveProcessor(1, new ModbusDataStore(size: 10));
        var buffer = new byte[253];
        var n = small.Process(1, Hex.Bytes("03 00 08 00 03"), buffer);
        Assert.Equal("8302", Hex.Of(buffer.AsSpan(0, n)));
    }

    [Fact]
    public void Process_WriteMultipleCoils_StoresBits()
    {
        processor.Process(1, Hex.Bytes("0F 00 13 00 0A 02 CD 01"), new byte[253]);
        var bits = new bool[10];
        store.ReadCoils(19, bits);
        Assert.Equal("1011001110", string.Concat(bits.Select(b => b ? '1' : '0')));
    }
}
