using System.Diagnostics;
using System.Runtime.CompilerServices;
using CableTest.Instruments.Recording;
using CableTest.Protocols.Modbus;
using CableTest.Transports;
using Microsoft.Extensions.Logging;

namespace CableTest.Instruments.Modbus;

/// <summary>
/// Modbus RTU master over any byte channel: a serial port / RS-485 bus, a pseudo-terminal, or RTU
/// frames tunnelled over TCP. The reply's length is known from its function code and byte count,
/// so an exchange ends on its last byte, not on a silence timer. Before each request the input is
/// discarded and the inter-frame guard (3.5 characters; 1.75 ms above 19200 baud) is kept, measured
/// from the last byte seen on the line, so an idle line pays nothing.
/// </summary>
public sealed class ModbusRtuMaster : ModbusMaster
{
    private static readonly TimeSpan DefaultBroadcastTurnaround = TimeSpan.FromMilliseconds(100);
    private static readonly long MillisecondTicks = Stopwatch.Frequency / 1000;
    private readonly byte[] received = new byte[1024];
    private readonly long guardTicks;
    private int filled;
    private long lastActivity;

    /// <param name="channel">The line; the master owns it from now on.</param>
    /// <param name="options">Timeouts, retries, pacing (validated here).</param>
    /// <param name="recorder">Receives every exchange.</param>
    /// <param name="timeProvider">Clock for deadlines, backoffs and recordings.</param>
    /// <param name="logger">Line and unit health events.</param>
    /// <param name="serialSettings">The line's character format, when the channel does not expose it (for the guard).</param>
    public ModbusRtuMaster(IByteChannel channel, ModbusMasterOptions? options = null, IExchangeRecorder? recorder = null,
        TimeProvider? timeProvider = null, ILogger? logger = null, SerialSettings? serialSettings = null)
        : base(channel, options, recorder, timeProvider, logger)
    {
        InterFrameDelay = Options.InterFrameDelay ?? DefaultGuard(channel, serialSettings);
        guardTicks = (long)(InterFrameDelay.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>The silence kept before each request.</summary>
    public TimeSpan InterFrameDelay { get; }

    private protected override string Protocol => "modbus-rtu";

    private protected override int PduOffset => ModbusRtu.PduOffset;

    private protected override ReadOnlyMemory<byte> Received => received.AsMemory(0, filled);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private protected override async ValueTask<ReadOnlyMemory<byte>> TransactAsync(UnitState unit, ModbusFunctionCode function, int pduLength,
        bool expectReply, CancellationToken token, CancellationToken caller)
    {
        RequestLength = ModbusRtu.SealFrame(Request, unit.Unit, pduLength);
        filled = 0;
        await Channel.DiscardInputAsync(token).ConfigureAwait(false);
        await GuardAsync(token).ConfigureAwait(false);
        await Channel.WriteAsync(Request.AsMemory(0, RequestLength), token).ConfigureAwait(false);
        lastActivity = Stopwatch.GetTimestamp();
        if (!expectReply)
        {
            var turnaround = Options.BroadcastTurnaround ?? DefaultBroadcastTurnaround;
            if (turnaround > TimeSpan.Zero)
            {
                await Task.Delay(turnaround, Time, caller).ConfigureAwait(false);
            }

            return ReadOnlyMemory<byte>.Empty;
        }

        ModbusFrameErrorKind? seen = null;
        var consumed = 0;
        while (true)
        {
            var window = received.AsSpan(consumed, filled - consumed);
            if (ModbusRtu.TryFindResponse(window, unit.Unit, function, out var start, out var length, out var skipped))
            {
                return received.AsMemory(consumed + start + ModbusRtu.PduOffset, length - ModbusRtu.Overhead);
            }

            seen ??= skipped;
            consumed += start;
            if (skipped == ModbusFrameErrorKind.BadCrc && consumed == filled)
            {
                throw new ModbusFrameException(ModbusFrameErrorKind.BadCrc, $"{LineName}: reply from unit {unit.Unit} failed its CRC check");
            }

            if (filled == received.Length)
            {
                // Keep the candidate, drop what was skipped (the recording keeps the last kilobyte).
                received.AsSpan(consumed, filled - consumed).CopyTo(received);
                filled -= consumed;
                consumed = 0;
            }

            int n;
            try
            {
                n = await Channel.ReadAsync(received.AsMemory(filled), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!caller.IsCancellationRequested)
            {
                if (consumed < filled)
                {
                    throw new ModbusFrameException(ModbusFrameErrorKind.Truncated,
                        $"{LineName}: reply from unit {unit.Unit} incomplete after {unit.Timeout.TotalMilliseconds:0} ms ({filled - consumed} bytes)");
                }

                if (seen is { } kind)
                {
                    throw new ModbusFrameException(kind, $"{LineName}: no valid reply from unit {unit.Unit}, only {filled} bytes of {Describe(kind)}");
                }

                throw new ModbusTimeoutException(LineName, unit.Unit, unit.Timeout);
            }

            if (n == 0)
            {
                throw new TransportException($"{LineName}: the line was closed by the other end", isTransient: true);
            }

            filled += n;
            lastActivity = Stopwatch.GetTimestamp();
        }
    }

    private protected override void OnLineReset() => filled = 0;

    private static string Describe(ModbusFrameErrorKind kind) => kind == ModbusFrameErrorKind.BadCrc ? "frames with bad CRC" : "noise";

    private async ValueTask GuardAsync(CancellationToken token)
    {
        if (guardTicks == 0 || lastActivity == 0)
        {
            return;
        }

        // A timer counts whole milliseconds (a 4.01 ms guard became 4 ms: early), and Task.Delay's wakes 2–7 ms late
        // on a loaded machine: sleep (on the line pacer's timed waits) only through whole milliseconds that leave
        // 1–2 ms, then spin, yielding, to the exact moment (the line is ours meanwhile anyway). Never shorter than the guard.
        var until = lastActivity + guardTicks;
        var now = Stopwatch.GetTimestamp();
        var sleepMs = (until - now - MillisecondTicks) / MillisecondTicks;
        if (sleepMs >= 1)
        {
            await (Time == TimeProvider.System
                ? LinePacer.Shared.Until(now + (sleepMs * MillisecondTicks), precise: false, token)
                : Task.Delay(TimeSpan.FromMilliseconds(sleepMs), Time, token)).ConfigureAwait(false);
        }

        var spin = default(SpinWait);
        while (Stopwatch.GetTimestamp() < until)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    private static TimeSpan DefaultGuard(IByteChannel channel, SerialSettings? settings)
    {
        var tty = channel as UnixTtyChannel;
        settings ??= tty?.Settings;
        if (settings is null)
        {
            return TimeSpan.Zero;
        }

        if (tty is not null && IsPseudoTerminal(tty.Name))
        {
            return TimeSpan.Zero;
        }

        return ModbusRtu.InterFrameDelay(settings.BaudRate, settings.BitsPerCharacter);
    }

    private static bool IsPseudoTerminal(string name)
    {
        var path = name.StartsWith("serial:", StringComparison.Ordinal) ? name["serial:".Length..] : name;
        try
        {
            var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            return target.StartsWith("/dev/pts/", StringComparison.Ordinal) || target == "/dev/ptmx";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
