using CableTest.Protocols.Modbus;
using CableTest.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Instruments.Modbus.Slave;

/// <summary>
/// Serves a <see cref="ModbusSlaveProcessor"/> as Modbus RTU on a byte channel (a pseudo-terminal
/// end, a serial port). Requests are framed by function code and CRC; noise is skipped by hunting
/// for the next valid request, and a partial frame followed by silence is dropped. Units the
/// processor does not serve get no reply, as on a shared bus.
/// </summary>
public sealed class ModbusRtuSlave
{
    private readonly IByteChannel channel;
    private readonly ModbusSlaveProcessor processor;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly byte[] buffer = new byte[1024];
    private readonly byte[] reply = new byte[ModbusLimits.MaxRtuFrameLength];
    private long served;

    public ModbusRtuSlave(IByteChannel channel, ModbusSlaveProcessor processor, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(processor);
        this.channel = channel;
        this.processor = processor;
        this.logger = logger ?? NullLogger.Instance;
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Chooses a fault per request (fault injection); null behaves.</summary>
    public ModbusFaultHook? FaultHook { get; set; }

    /// <summary>Silence after which a partial request is dropped. Default 50 ms.</summary>
    public TimeSpan PartialFrameTimeout { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Requests answered or applied so far.</summary>
    public long RequestsServed => Interlocked.Read(ref served);

    /// <summary>Serves until <paramref name="cancellationToken"/> fires (then returns normally).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ServeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        if (!channel.IsOpen)
        {
            await channel.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        var filled = 0;
        while (true)
        {
            int n;
            if (filled == 0)
            {
                n = await channel.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var partial = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                partial.CancelAfter(PartialFrameTimeout);
                try
                {
                    n = await channel.ReadAsync(buffer.AsMemory(filled), partial.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    ModbusSlaveLog.Dropped(logger, channel.Name, filled);
                    filled = 0;
                    continue;
                }
            }

            if (n == 0)
            {
                // The other end hung up; wait for it to come back (pseudo-terminals are reopened by drivers).
                await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
                if (!channel.IsOpen)
                {
                    try
                    {
                        await channel.OpenAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (TransportException)
                    {
                    }
                }

                continue;
            }

            filled += n;
            var consumed = 0;
            while (ModbusRtu.TryFindRequest(buffer.AsSpan(consumed, filled - consumed), out var start, out var length, out var skipped))
            {
                if (skipped is not null)
                {
                    ModbusSlaveLog.Dropped(logger, channel.Name, start);
                }

                var frame = consumed + start;
                consumed = frame + length;
                await AnswerAsync(buffer[frame], frame, length, cancellationToken).ConfigureAwait(false);
            }

            ModbusRtu.TryFindRequest(buffer.AsSpan(consumed, filled - consumed), out var keep, out _, out _);
            consumed += keep;
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }
    }

    private async ValueTask AnswerAsync(byte unit, int frame, int length, CancellationToken cancellationToken)
    {
        if (!processor.Serves(unit))
        {
            return;
        }

        var fault = FaultHook?.Invoke(unit, buffer.AsSpan(frame + 1, length - 3)) ?? ModbusFault.None;
        var request = buffer.AsSpan(frame + 1, length - 3);
        var pduLength = fault.Kind == ModbusFaultKind.Exception
            ? ModbusPdu.WriteExceptionResponse(reply.AsSpan(1), request[0], fault.ExceptionCode)
            : processor.Process(unit, request, reply.AsSpan(1));
        Interlocked.Increment(ref served);
        if (pduLength == 0 || unit == ModbusLimits.BroadcastAddress || fault.Kind == ModbusFaultKind.NoReply)
        {
            return;
        }

        var replyUnit = fault.Kind == ModbusFaultKind.StaleTransaction ? (byte)(unit + 1) : unit;
        var total = ModbusRtu.SealFrame(reply, replyUnit, pduLength);
        switch (fault.Kind)
        {
            case ModbusFaultKind.CorruptCrc:
                reply[total - 1] ^= 0xFF;
                break;
            case ModbusFaultKind.Truncate:
                total = fault.KeepBytes > 0 ? Math.Min(fault.KeepBytes, total - 1) : total / 2;
                break;
            case ModbusFaultKind.Garbage:
                reply.AsSpan(0, total).Fill(0xFF); // line noise that can never pass for a reply
                break;
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay, time, cancellationToken).ConfigureAwait(false);
        }

        await channel.WriteAsync(reply.AsMemory(0, total), cancellationToken).ConfigureAwait(false);
    }
}
