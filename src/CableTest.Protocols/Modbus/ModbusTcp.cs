using System.Buffers.Binary;

namespace CableTest.Protocols.Modbus;

/// <summary>
/// Modbus TCP framing: a 7-byte MBAP header (transaction id, protocol id 0, length, unit) and the
/// PDU. No CRC: TCP already checks.
/// </summary>
public static class ModbusTcp
{
    /// <summary>MBAP header length (including the unit byte); the PDU starts here.</summary>
    public const int HeaderLength = 7;

    /// <summary>
    /// Completes a frame whose PDU (<paramref name="pduLength"/> bytes) is already at
    /// <c>frame[7..]</c>; returns the frame length.
    /// </summary>
    public static int SealFrame(Span<byte> frame, ushort transactionId, byte unit, int pduLength)
    {
        BinaryPrimitives.WriteUInt16BigEndian(frame, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(frame[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(frame[4..], (ushort)(pduLength + 1));
        frame[6] = unit;
        return HeaderLength + pduLength;
    }

    /// <summary>
    /// Reads one frame from the start of <paramref name="buffer"/>: false when more bytes are needed;
    /// <see cref="ModbusFrameException"/> when the header is impossible (protocol id not 0, length
    /// outside 2..254): the stream has lost its framing and the connection must be reset.
    /// </summary>
    public static bool TryReadFrame(ReadOnlySpan<byte> buffer, out ModbusTcpHeader header, out int frameLength)
    {
        header = default;
        frameLength = 0;
        if (buffer.Length < HeaderLength)
        {
            return false;
        }

        var protocol = BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]);
        if (protocol != 0)
        {
            throw new ModbusFrameException(ModbusFrameErrorKind.BadProtocolId, $"MBAP protocol id {protocol}, expected 0");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(buffer[4..]);
        if (length < 2 || length > ModbusLimits.MaxPduLength + 1)
        {
            throw new ModbusFrameException(ModbusFrameErrorKind.BadLength, $"MBAP length {length} is outside 2..{ModbusLimits.MaxPduLength + 1}");
        }

        header = new ModbusTcpHeader(BinaryPrimitives.ReadUInt16BigEndian(buffer), protocol, length, buffer[6]);
        frameLength = 6 + length;
        return buffer.Length >= frameLength;
    }
}
