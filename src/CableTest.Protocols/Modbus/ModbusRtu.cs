namespace CableTest.Protocols.Modbus;

/// <summary>
/// Modbus RTU framing: unit address, PDU, CRC-16 (low byte first). A frame's length follows from its
/// function code and byte count, so a reader never waits for line silence to know a frame is
/// complete. After noise, the <c>TryFind*</c> methods hunt for the next position where a plausible
/// header starts and the CRC checks out (resynchronisation).
/// </summary>
public static class ModbusRtu
{
    /// <summary>Bytes before the PDU (the unit address).</summary>
    public const int PduOffset = 1;

    /// <summary>Unit address + CRC.</summary>
    public const int Overhead = 3;

    /// <summary>
    /// Completes a frame whose PDU (<paramref name="pduLength"/> bytes) is already at
    /// <c>frame[1..]</c>: writes the unit address and the CRC; returns the frame length.
    /// </summary>
    public static int SealFrame(Span<byte> frame, byte unit, int pduLength)
    {
        frame[0] = unit;
        var end = PduOffset + pduLength;
        ModbusCrc.Write(frame[..end], frame[end..]);
        return end + 2;
    }

    /// <summary>
    /// Finds the reply from <paramref name="unit"/> to <paramref name="function"/> in
    /// <paramref name="buffer"/>. True: the frame is <c>buffer.Slice(frameStart, frameLength)</c>
    /// and its CRC is valid. False: more bytes are needed; bytes before <paramref name="frameStart"/>
    /// can be dropped. <paramref name="skipped"/> tells what was skipped on the way (the first
    /// <see cref="ModbusFrameErrorKind.Garbage"/> or <see cref="ModbusFrameErrorKind.BadCrc"/>), or null.
    /// </summary>
    public static bool TryFindResponse(ReadOnlySpan<byte> buffer, byte unit, ModbusFunctionCode function,
        out int frameStart, out int frameLength, out ModbusFrameErrorKind? skipped) =>
        Hunt(buffer, response: true, unit, (byte)function, out frameStart, out frameLength, out skipped);

    /// <summary>
    /// Finds a request (any unit, a function this stack speaks, valid CRC) in <paramref name="buffer"/>;
    /// same contract as <see cref="TryFindResponse"/>. Used by slaves.
    /// </summary>
    public static bool TryFindRequest(ReadOnlySpan<byte> buffer, out int frameStart, out int frameLength, out ModbusFrameErrorKind? skipped) =>
        Hunt(buffer, response: false, unit: 0, function: 0, out frameStart, out frameLength, out skipped);

    /// <summary>
    /// The resynchronising hunt shared by both directions: from each position, a plausible header (for a
    /// response: the expected unit and the function or its exception form; for a request: any unit and a
    /// known function) whose length follows from the PDU and whose CRC checks out.
    /// </summary>
    private static bool Hunt(ReadOnlySpan<byte> buffer, bool response, byte unit, byte function,
        out int frameStart, out int frameLength, out ModbusFrameErrorKind? skipped)
    {
        skipped = null;
        for (var start = 0; start < buffer.Length; start++)
        {
            if (response && buffer[start] != unit)
            {
                skipped ??= ModbusFrameErrorKind.Garbage;
                continue;
            }

            if (start + 1 >= buffer.Length)
            {
                frameStart = start;
                frameLength = 0;
                return false;
            }

            var f = buffer[start + 1];
            var plausible = response ? f == function || f == (function | 0x80) : ModbusPdu.IsKnown(f);
            if (!plausible)
            {
                skipped ??= ModbusFrameErrorKind.Garbage;
                continue;
            }

            var pdu = buffer[(start + 1)..];
            switch (Examine(buffer[start..], response ? ModbusPdu.ResponseLength(pdu) : ModbusPdu.RequestLength(pdu), out frameLength))
            {
                case Candidate.Valid:
                    frameStart = start;
                    return true;
                case Candidate.Incomplete:
                    frameStart = start;
                    return false;
                case Candidate.BadCrc:
                    skipped ??= ModbusFrameErrorKind.BadCrc;
                    break;
                default:
                    skipped ??= ModbusFrameErrorKind.Garbage;
                    break;
            }
        }

        frameStart = buffer.Length;
        frameLength = 0;
        return false;
    }

    /// <summary>
    /// The silent interval that separates frames: 3.5 character times, fixed at 1.75 ms above
    /// 19200 baud (the specification's recommendation, so fast lines are not paced by a timer tick).
    /// </summary>
    public static TimeSpan InterFrameDelay(int baudRate, int bitsPerCharacter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baudRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bitsPerCharacter, 1);
        return baudRate > 19200
            ? TimeSpan.FromTicks(17_500)
            : TimeSpan.FromTicks((long)Math.Ceiling(3.5 * bitsPerCharacter * TimeSpan.TicksPerSecond / baudRate));
    }

    private enum Candidate
    {
        Valid,
        Incomplete,
        BadCrc,
        Impossible,
    }

    private static Candidate Examine(ReadOnlySpan<byte> fromStart, int pduLength, out int frameLength)
    {
        frameLength = 0;
        if (pduLength == ModbusPdu.NeedMoreData)
        {
            return Candidate.Incomplete;
        }

        if (pduLength < 0 || pduLength > ModbusLimits.MaxPduLength)
        {
            return Candidate.Impossible;
        }

        var total = pduLength + Overhead;
        if (fromStart.Length < total)
        {
            return Candidate.Incomplete;
        }

        frameLength = total;
        return ModbusCrc.IsValid(fromStart[..total]) ? Candidate.Valid : Candidate.BadCrc;
    }
}
