using System.Runtime.CompilerServices;
using CableTest.Instruments.Recording;
using CableTest.Protocols.Modbus;
using CableTest.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Instruments.Modbus;

/// <summary>
/// What RTU and TCP masters share: the line's single owner. Requests wait for their unit's gate
/// (one per unit in the line queue), then for the line (FIFO); each exchange has a finite deadline,
/// is recorded, and feeds the unit's health (timeouts in a row lead to a growing fast-fail period).
/// The master owns its channel and disposes it.
/// </summary>
public abstract partial class ModbusMaster : IModbusMaster
{
    private readonly SemaphoreSlim line = new(1, 1);
    private readonly UnitState?[] units = new UnitState?[256];
    private readonly Lock unitsGate = new();
    private readonly ExchangeDeadline deadline;
    private readonly IExchangeRecorder recorder;
    private readonly bool recording;
    private readonly ILogger logger;
    private long reconnectAt;
    private TimeSpan reconnectDelay;
    private bool lineBroken;
    private bool disposed;

    private protected ModbusMaster(IByteChannel channel, ModbusMasterOptions? options, IExchangeRecorder? recorder, TimeProvider? timeProvider,
        ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(channel);
        Channel = channel;
        Options = (options ?? new ModbusMasterOptions()).Validate();
        Time = timeProvider ?? TimeProvider.System;
        this.recorder = recorder ?? NullExchangeRecorder.Instance;
        recording = this.recorder is not NullExchangeRecorder;
        this.logger = logger ?? NullLogger.Instance;
        deadline = new ExchangeDeadline(Time);
        reconnectDelay = Options.ReconnectDelay;
    }

    public string LineName => Channel.Name;

    /// <summary>The options in force (validated).</summary>
    public ModbusMasterOptions Options { get; }

    private protected IByteChannel Channel { get; }

    private protected TimeProvider Time { get; }

    /// <summary>Request frame buffer: the PDU is encoded at <see cref="PduOffset"/>, the derived class completes the frame.</summary>
    private protected byte[] Request { get; } = new byte[ModbusLimits.MaxTcpFrameLength];

    /// <summary>Length of the frame in <see cref="Request"/> as written.</summary>
    private protected int RequestLength { get; set; }

    /// <summary><c>modbus-rtu</c> or <c>modbus-tcp</c>.</summary>
    private protected abstract string Protocol { get; }

    private protected abstract int PduOffset { get; }

    /// <summary>The bytes read during the last exchange (for the recording).</summary>
    private protected abstract ReadOnlyMemory<byte> Received { get; }

    /// <summary>
    /// Frames the PDU in <see cref="Request"/>, writes it and (when <paramref name="expectReply"/>)
    /// returns the reply PDU. On <paramref name="token"/> firing without <paramref name="caller"/>
    /// being cancelled: <see cref="ModbusTimeoutException"/>, or <see cref="ModbusFrameException"/>
    /// when bytes came but no valid frame.
    /// </summary>
    private protected abstract ValueTask<ReadOnlyMemory<byte>> TransactAsync(UnitState unit, ModbusFunctionCode function, int pduLength,
        bool expectReply, CancellationToken token, CancellationToken caller);

    /// <summary>Drops buffered bytes after the line was reopened.</summary>
    private protected abstract void OnLineReset();

    /// <summary>Opens the line now (otherwise the first request does).</summary>
    public async ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        await line.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            line.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await line.WaitAsync().ConfigureAwait(false);
        try
        {
            deadline.Dispose();
            await Channel.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            line.Release();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Marks the line broken: closed now, reopened by the next request.</summary>
    private protected async ValueTask BreakLineAsync(string reason)
    {
        if (!lineBroken)
        {
            ModbusMasterLog.LineBroken(logger, LineName, reason);
        }

        lineBroken = true;
        try
        {
            await Channel.CloseAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Closing a broken line can fail; reopening decides.
        }

        OnLineReset();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ExecuteAsync<TOperation>(byte unit, TOperation operation, CancellationToken cancellationToken)
        where TOperation : IModbusOperation
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var state = Unit(unit);
        ThrowIfUnavailable(state);
        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var attempts = 0;
            var busy = 0;
            var busyDelay = Options.BusyRetryDelay;
            while (true)
            {
                await PaceAsync(state, cancellationToken).ConfigureAwait(false);
                try
                {
                    await ExchangeAsync(state, operation, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (ModbusException e) when (e.IsTransient && busy < Options.BusyRetries)
                {
                    busy++;
                    await Task.Delay(busyDelay, Time, cancellationToken).ConfigureAwait(false);
                    busyDelay += busyDelay;
                }
                catch (Exception e) when (e is ModbusTimeoutException or ModbusFrameException && attempts < Options.Retries && state.UnavailableUntil == 0)
                {
                    attempts++;
                }
            }
        }
        finally
        {
            state.Gate.Release();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ExchangeAsync<TOperation>(UnitState state, TOperation operation, CancellationToken cancellationToken)
        where TOperation : IModbusOperation
    {
        await line.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            ThrowIfUnavailable(state);
            await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
            var pduLength = operation.Encode(Request.AsSpan(PduOffset));
            var broadcast = state.Unit == ModbusLimits.BroadcastAddress;
            var startedWall = recording ? Time.GetUtcNow() : default;
            var started = Time.GetTimestamp();
            RequestLength = 0;
            var token = deadline.Arm(state.Timeout, cancellationToken);
            try
            {
                var reply = await TransactAsync(state, operation.Function, pduLength, !broadcast, token, cancellationToken).ConfigureAwait(false);
                if (!broadcast)
                {
                    operation.Decode(reply.Span, state.Unit);
                }

                Answered(state);
                Record(state, startedWall, started, ExchangeOutcome.Ok, null);
            }
            catch (ModbusException e)
            {
                Answered(state);
                Record(state, startedWall, started, ExchangeOutcome.DeviceError, e.Message);
                throw;
            }
            catch (ModbusFrameException e)
            {
                Record(state, startedWall, started, ExchangeOutcome.BadReply, e.Message);
                throw;
            }
            catch (ModbusTimeoutException e)
            {
                TimedOut(state);
                Record(state, startedWall, started, ExchangeOutcome.Timeout, e.Message);
                throw;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The deadline fired inside a write: the unit did not take the request in time.
                var timeout = new ModbusTimeoutException(LineName, state.Unit, state.Timeout);
                TimedOut(state);
                Record(state, startedWall, started, ExchangeOutcome.Timeout, timeout.Message);
                throw timeout;
            }
            catch (OperationCanceledException)
            {
                Record(state, startedWall, started, ExchangeOutcome.Cancelled, "cancelled by the caller");
                throw;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                Record(state, startedWall, started, ExchangeOutcome.LineError, e.Message);
                await BreakLineAsync(e.Message).ConfigureAwait(false);
                if (e is TransportException)
                {
                    throw;
                }

                throw new TransportException($"{LineName}: {e.Message}", isTransient: true, e);
            }
            finally
            {
                deadline.Disarm();
                state.LastEnd = Time.GetTimestamp();
            }
        }
        finally
        {
            line.Release();
        }
    }

    private async ValueTask EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (!lineBroken && Channel.IsOpen)
        {
            return;
        }

        var now = Time.GetTimestamp();
        if (now < reconnectAt)
        {
            var wait = TimeSpan.FromSeconds((double)(reconnectAt - now) / Time.TimestampFrequency);
            throw new TransportException($"{LineName}: line down; next reconnect attempt in {wait.TotalMilliseconds:0} ms", isTransient: true);
        }

        try
        {
            if (lineBroken)
            {
                await Channel.CloseAsync().ConfigureAwait(false);
            }

            await Channel.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException e)
        {
            reconnectAt = now + (long)(reconnectDelay.TotalSeconds * Time.TimestampFrequency);
            ModbusMasterLog.ReconnectFailed(logger, LineName, e.Message, reconnectDelay.TotalMilliseconds);
            reconnectDelay = reconnectDelay * 2 > Options.MaxReconnectDelay ? Options.MaxReconnectDelay : reconnectDelay * 2;
            throw;
        }

        lineBroken = false;
        reconnectAt = 0;
        reconnectDelay = Options.ReconnectDelay;
        OnLineReset();
        ModbusMasterLog.LineOpened(logger, LineName);
    }

    private async ValueTask PaceAsync(UnitState state, CancellationToken cancellationToken)
    {
        if (state.MinimumGap <= TimeSpan.Zero || state.LastEnd == 0)
        {
            return;
        }

        var wait = state.MinimumGap - Time.GetElapsedTime(state.LastEnd);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private UnitState Unit(byte unit)
    {
        var state = Volatile.Read(ref units[unit]);
        if (state is not null)
        {
            return state;
        }

        lock (unitsGate)
        {
            if (units[unit] is null)
            {
                Options.Units.TryGetValue(unit, out var o);
                var name = o?.Name ?? (unit == 0 ? "broadcast" : "unit " + unit.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Volatile.Write(ref units[unit], new UnitState(unit, name, o?.Timeout ?? Options.Timeout, o?.MinimumGap ?? Options.MinimumGap));
            }

            return units[unit]!;
        }
    }

    private void ThrowIfUnavailable(UnitState state)
    {
        var until = state.UnavailableUntil;
        if (until == 0)
        {
            return;
        }

        var now = Time.GetTimestamp();
        if (now < until)
        {
            throw new ModbusDeviceUnavailableException(LineName, state.Unit,
                TimeSpan.FromSeconds((double)(until - now) / Time.TimestampFrequency), state.ConsecutiveTimeouts);
        }
    }

    private void TimedOut(UnitState state)
    {
        state.ConsecutiveTimeouts++;
        if (state.ConsecutiveTimeouts < Options.UnavailableAfterTimeouts || state.Unit == ModbusLimits.BroadcastAddress)
        {
            return;
        }

        var backoff = state.Backoff == TimeSpan.Zero ? Options.UnavailableBackoff
            : state.Backoff * 2 > Options.MaxUnavailableBackoff ? Options.MaxUnavailableBackoff
            : state.Backoff * 2;
        state.Backoff = backoff;
        state.UnavailableUntil = Time.GetTimestamp() + (long)(backoff.TotalSeconds * Time.TimestampFrequency);
        ModbusMasterLog.UnitUnavailable(logger, LineName, state.Unit, state.ConsecutiveTimeouts, backoff.TotalMilliseconds);
    }

    private void Answered(UnitState state)
    {
        if (state.ConsecutiveTimeouts >= Options.UnavailableAfterTimeouts)
        {
            ModbusMasterLog.UnitRecovered(logger, LineName, state.Unit);
        }

        state.ConsecutiveTimeouts = 0;
        state.UnavailableUntil = 0;
        state.Backoff = TimeSpan.Zero;
    }

    private void Record(UnitState state, DateTimeOffset startedWall, long started, ExchangeOutcome outcome, string? detail)
    {
        if (!recording)
        {
            return;
        }

        recorder.Record(new ExchangeRecord(
            0,
            (startedWall - DateTimeOffset.UnixEpoch).Ticks * 100,
            LineName,
            state.Name,
            Protocol,
            Request.AsMemory(0, RequestLength),
            Received,
            (long)Time.GetElapsedTime(started).TotalMicroseconds,
            outcome,
            detail));
    }
}
