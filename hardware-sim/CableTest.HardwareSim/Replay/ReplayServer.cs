using System.Buffers.Binary;
using CableTest.Instruments.Recording;
using CableTest.Protocols.Modbus;
using CableTest.Protocols.Scpi;
using CableTest.Transports;

namespace CableTest.HardwareSim.Replay;

/// <summary>
/// Answers one recorded line on a byte channel: requests are framed by the line's protocol (SCPI lines, RTU frames
/// by function code and CRC, MBAP frames) and each is answered with the recorded reply bytes, exactly — after the
/// recorded duration, or at once in fast mode. A recorded timeout sends the partial bytes it recorded (usually none).
/// </summary>
internal sealed class ReplayServer(ReplayLine line, ReplayTiming timing, TimeProvider time)
{
    public async Task ServeAsync(IByteChannel channel, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var filled = 0;
        try
        {
            if (!channel.IsOpen)
            {
                await channel.OpenAsync(cancellationToken).ConfigureAwait(false);
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                var n = await channel.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    if (line.Protocol == "modbus-tcp")
                    {
                        return;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var arrived = time.GetTimestamp();
                filled += n;
                var consumed = 0;
                while (TryFrame(buffer.AsSpan(consumed, filled - consumed), out var start, out var length))
                {
                    var request = buffer.AsMemory(consumed + start, length);
                    consumed += start + length;
                    if (line.Take(request.Span) is { } exchange)
                    {
                        await ReplyAsync(channel, exchange, request, arrived, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (filled == buffer.Length && consumed == 0)
                {
                    consumed = filled;
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private bool TryFrame(ReadOnlySpan<byte> data, out int start, out int length)
    {
        switch (line.Protocol)
        {
            case "modbus-rtu":
                return ModbusRtu.TryFindRequest(data, out start, out length, out _);
            case "modbus-tcp":
                start = 0;
                try
                {
                    return ModbusTcp.TryReadFrame(data, out _, out length);
                }
                catch (ModbusFrameException)
                {
                    length = data.Length; // not MBAP: hand everything over as one (diverging) request
                    return length > 0;
                }

            default:
                start = 0;
                var found = ScpiLineFramer.TryReadLine(data, (byte)'\n', out _, out length);
                return found;
        }
    }

    private async Task ReplyAsync(IByteChannel channel, ExchangeRecord exchange, ReadOnlyMemory<byte> request, long arrived, CancellationToken cancellationToken)
    {
        if (exchange.Reply.IsEmpty)
        {
            return;
        }

        if (timing == ReplayTiming.Recorded && exchange.Outcome == ExchangeOutcome.Ok)
        {
            var due = TimeSpan.FromMicroseconds(exchange.DurationMicroseconds) - time.GetElapsedTime(arrived);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, time, cancellationToken).ConfigureAwait(false);
            }
        }

        var reply = exchange.Reply.ToArray();
        if (line.Protocol == "modbus-tcp" && reply.Length >= 2 && request.Length >= 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(reply, BinaryPrimitives.ReadUInt16BigEndian(request.Span));
        }

        await channel.WriteAsync(reply, cancellationToken).ConfigureAwait(false);
    }
}
