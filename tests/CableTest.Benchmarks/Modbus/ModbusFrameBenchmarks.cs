using BenchmarkDotNet.Attributes;
using CableTest.Protocols.Modbus;

namespace CableTest.Benchmarks.Modbus;

/// <summary>One transaction's codec work (read 10 holding registers), RTU and TCP: expected 0 B allocated.</summary>
[MemoryDiagnoser]
public class ModbusFrameBenchmarks
{
    private readonly byte[] request = new byte[ModbusLimits.MaxTcpFrameLength];
    private readonly ushort[] values = new ushort[10];
    private readonly byte[] rtuReply;
    private readonly byte[] tcpReply;

    public ModbusFrameBenchmarks()
    {
        var store = new ModbusDataStore();
        store.SetHoldingRegisters(0, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var processor = new ModbusSlaveProcessor(1, store);
        var pdu = new byte[5];
        ModbusPdu.WriteReadRequest(pdu, ModbusFunctionCode.ReadHoldingRegisters, 0, 10);
        rtuReply = new byte[256];
        var n = processor.Process(1, pdu, rtuReply.AsSpan(1));
        rtuReply = rtuReply[..ModbusRtu.SealFrame(rtuReply, 1, n)];
        tcpReply = new byte[260];
        n = processor.Process(1, pdu, tcpReply.AsSpan(ModbusTcp.HeaderLength));
        tcpReply = tcpReply[..ModbusTcp.SealFrame(tcpReply, 7, 1, n)];
    }

    [Benchmark]
    public int RtuTransaction()
    {
        var pduLength = ModbusPdu.WriteReadRequest(request.AsSpan(1), ModbusFunctionCode.ReadHoldingRegisters, 0, 10);
        var length = ModbusRtu.SealFrame(request, 1, pduLength);
        ModbusRtu.TryFindResponse(rtuReply, 1, ModbusFunctionCode.ReadHoldingRegisters, out var start, out var frame, out _);
        ModbusPdu.ReadRegistersResponse(rtuReply.AsSpan(start + 1, frame - 3), 1, ModbusFunctionCode.ReadHoldingRegisters, values);
        return length + values[9];
    }

    [Benchmark]
    public int TcpTransaction()
    {
        var pduLength = ModbusPdu.WriteReadRequest(request.AsSpan(ModbusTcp.HeaderLength), ModbusFunctionCode.ReadHoldingRegisters, 0, 10);
        var length = ModbusTcp.SealFrame(request, 7, 1, pduLength);
        ModbusTcp.TryReadFrame(tcpReply, out var header, out _);
        ModbusPdu.ReadRegistersResponse(tcpReply.AsSpan(ModbusTcp.HeaderLength, header.PduLength), 1, ModbusFunctionCode.ReadHoldingRegisters, values);
        return length + values[9];
    }

    [Benchmark]
    public ushort Crc256Bytes() => ModbusCrc.Compute(request);
}
