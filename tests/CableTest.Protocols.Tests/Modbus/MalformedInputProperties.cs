using CableTest.Protocols.Modbus;
using FsCheck.Xunit;

namespace CableTest.Protocols.Tests.Modbus;

/// <summary>Whatever arrives, decoders answer with a typed Modbus error or a result, never anything else.</summary>
public sealed class MalformedInputProperties
{
    [Property(MaxTest = 2000)]
    public bool ReadRegistersResponse_AnyBytes_TypedErrorOrValues(byte[] pdu, byte count)
    {
        var values = new ushort[(count % 125) + 1];
        try
        {
            ModbusPdu.ReadRegistersResponse(pdu, 1, ModbusFunctionCode.ReadHoldingRegisters, values);
            return pdu.Length == 2 + (values.Length * 2);
        }
        catch (ModbusException)
        {
            return pdu.Length == 2 && pdu[0] == 0x83;
        }
        catch (ModbusFrameException)
        {
            return true;
        }
    }

    [Property(MaxTest = 2000)]
    public bool ReadBitsResponse_AnyBytes_TypedError(byte[] pdu, byte count)
    {
        try
        {
            ModbusPdu.ReadBitsResponse(pdu, 1, ModbusFunctionCode.ReadCoils, new bool[count + 1]);
            return true;
        }
        catch (Exception e) when (e is ModbusException or ModbusFrameException)
        {
            return true;
        }
    }

    [Property(MaxTest = 2000)]
    public bool TryFindResponse_AnyBytes_NeverThrowsAndFoundFramesAreValid(byte[] buffer)
    {
        if (ModbusRtu.TryFindResponse(buffer, 1, ModbusFunctionCode.ReadHoldingRegisters, out var start, out var length, out _))
        {
            return ModbusCrc.IsValid(buffer.AsSpan(start, length)) && buffer[start] == 1;
        }

        return start >= 0 && start <= buffer.Length;
    }

    [Property(MaxTest = 2000)]
    public bool TryReadFrame_AnyBytes_FrameErrorOnly(byte[] buffer)
    {
        try
        {
            _ = ModbusTcp.TryReadFrame(buffer, out _, out _);
            return true;
        }
        catch (ModbusFrameException)
        {
            return true;
        }
    }

    [Property(MaxTest = 2000)]
    public bool Process_AnyPdu_ReplyIsWellFormed(byte[] request)
    {
        var processor = new ModbusSlaveProcessor(1, new ModbusDataStore());
        var response = new byte[253];
        var n = processor.Process(1, request, response);
        if (request.Length == 0)
        {
            return n == 0;
        }

        return n >= 2 && (response[0] == request[0] || response[0] == (request[0] | 0x80)) && ModbusPdu.ResponseLength(response.AsSpan(0, n)) is var l
            && (l == n || l == ModbusPdu.UnknownFunction);
    }

    [Property(MaxTest = 500)]
    public bool ReadHolding_RoundTripThroughProcessorAndRtu(ushort[] values, ushort start)
    {
        if (values.Length == 0 || values.Length > ModbusLimits.MaxReadRegisters || start + values.Length > 65536)
        {
            return true;
        }

        var store = new ModbusDataStore();
        store.SetHoldingRegisters(start, values);
        var processor = new ModbusSlaveProcessor(9, store);
        var request = new byte[256];
        var pduLength = ModbusPdu.WriteReadRequest(request.AsSpan(1), ModbusFunctionCode.ReadHoldingRegisters, start, (ushort)values.Length);
        var requestLength = ModbusRtu.SealFrame(request, 9, pduLength);
        if (!ModbusRtu.TryFindRequest(request.AsSpan(0, requestLength), out var rs, out var rl, out _) || rs != 0 || rl != requestLength)
        {
            return false;
        }

        var reply = new byte[256];
        var replyPdu = processor.Process(9, request.AsSpan(1, pduLength), reply.AsSpan(1));
        var replyLength = ModbusRtu.SealFrame(reply, 9, replyPdu);
        if (!ModbusRtu.TryFindResponse(reply.AsSpan(0, replyLength), 9, ModbusFunctionCode.ReadHoldingRegisters, out var s, out var l, out _))
        {
            return false;
        }

        var decoded = new ushort[values.Length];
        ModbusPdu.ReadRegistersResponse(reply.AsSpan(s + 1, l - 3), 9, ModbusFunctionCode.ReadHoldingRegisters, decoded);
        return decoded.SequenceEqual(values);
    }
}
