using System.Diagnostics;
using System.Text;
using CableTest.Instruments.Recording;
using CableTest.Protocols.Scpi;
using CableTest.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Instruments.Scpi;

/// <summary>
/// One SCPI instrument on one line (RS-232 or a raw socket, port 5025). The session is the line's single
/// owner: concurrent callers are served one exchange at a time in arrival order. Every exchange has a
/// finite deadline, honours cancellation and is recorded. After a timeout or garbage the input is
/// discarded before the next request, so a late reply is never taken as the answer to the next query;
/// after a line error the channel is reopened on the next call.
/// </summary>
public sealed partial class ScpiSession : IAsyncDisposable
{
    private readonly IByteChannel _channel;
    private readonly ScpiSessionOptions _options;
    private readonly IExchangeRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _receive;
    private readonly byte[] _transmit = new byte[512];
    private int _buffered;
    private bool _dirty;
    private bool _disposed;

    /// <summary>Creates a session; the channel is opened on first use.</summary>
    public ScpiSession(IByteChannel channel, ScpiSessionOptions options, IExchangeRecorder? recorder = null, TimeProvider? time = null, ILogger<ScpiSession>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _channel = channel;
        _options = options;
        _recorder = recorder ?? NullExchangeRecorder.Instance;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _receive = new byte[options.MaxReplyBytes + 64];
    }

    /// <summary>The line this session owns.</summary>
    public string Line => _channel.Name;

    /// <summary>Sends a query and returns its reply line (terminator removed).</summary>
    public async Task<string> QueryAsync(string query, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (await ExchangeAsync(query, expectReply: true, timeout ?? _options.Timeout, cancellationToken).ConfigureAwait(false))!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends a command (no reply). With <see cref="ScpiSessionOptions.CheckErrorsAfterCommand"/>, reads the error queue and throws <see cref="ScpiDeviceException"/> if the command was rejected.</summary>
    public async Task SendAsync(string command, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExchangeAsync(command, expectReply: false, _options.Timeout, cancellationToken).ConfigureAwait(false);
            if (_options.CheckErrorsAfterCommand)
            {
                var errors = await DrainErrorsAsync(cancellationToken).ConfigureAwait(false);
                if (errors.Count > 0)
                {
                    throw new ScpiDeviceException(command, errors);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads <c>*IDN?</c>.</summary>
    public async Task<ScpiIdentity> IdentifyAsync(CancellationToken cancellationToken)
    {
        var reply = await QueryAsync("*IDN?", cancellationToken).ConfigureAwait(false);
        try
        {
            return ScpiIdentity.Parse(reply);
        }
        catch (ScpiParseException e)
        {
            throw new InstrumentException($"{_options.Device} on {Line}: {e.Message}", e);
        }
    }

    /// <summary>Waits for pending operations with <c>*OPC?</c> (which must answer 1) within <paramref name="timeout"/>.</summary>
    public async Task WaitOperationCompleteAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reply = await QueryAsync("*OPC?", cancellationToken, timeout).ConfigureAwait(false);
        if (reply.Trim() != "1")
        {
            throw new InstrumentException($"{_options.Device} on {Line}: *OPC? answered \"{reply}\", expected 1");
        }
    }

    /// <summary>Reads the whole error queue (up to 32 entries), oldest first; empty when there is none.</summary>
    public async Task<IReadOnlyList<ScpiError>> ReadErrorQueueAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DrainErrorsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _channel.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task<IReadOnlyList<ScpiError>> DrainErrorsAsync(CancellationToken cancellationToken)
    {
        List<ScpiError>? errors = null;
        for (var i = 0; i < 32; i++)
        {
            var reply = (await ExchangeAsync("SYST:ERR?", expectReply: true, _options.Timeout, cancellationToken).ConfigureAwait(false))!;
            ScpiError error;
            try
            {
                error = ScpiError.Parse(reply);
            }
            catch (ScpiParseException e)
            {
                _dirty = true;
                throw new InstrumentException($"{_options.Device} on {Line}: {e.Message}", e);
            }

            if (error.IsNoError)
            {
                break;
            }

            (errors ??= []).Add(error);
        }

        return (IReadOnlyList<ScpiError>?)errors ?? [];
    }

    private async ValueTask<string?> ExchangeAsync(string text, bool expectReply, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var requestLength = Encode(text);
        var startedNs = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
        var started = Stopwatch.GetTimestamp();
        var replyLength = 0;
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var link = cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), deadline);
        try
        {
            if (!_channel.IsOpen)
            {
                await _channel.OpenAsync(deadline.Token).ConfigureAwait(false);
                _dirty = true;
            }

            if (_dirty || _buffered > 0)
            {
                await _channel.DiscardInputAsync(deadline.Token).ConfigureAwait(false);
                _buffered = 0;
                _dirty = false;
            }

            await _channel.WriteAsync(_transmit.AsMemory(0, requestLength), deadline.Token).ConfigureAwait(false);
            if (!expectReply)
            {
                Record(text, requestLength, 0, started, startedNs, ExchangeOutcome.Ok, null);
                return null;
            }

            while (true)
            {
                if (ScpiLineFramer.TryReadLine(_receive.AsSpan(0, _buffered), _options.ReadTerminator, out var line, out var consumed))
                {
                    replyLength = consumed;
                    var reply = Encoding.ASCII.GetString(line);
                    Record(text, requestLength, consumed, started, startedNs, ExchangeOutcome.Ok, null);
                    _buffered -= consumed;
                    if (_buffered > 0)
                    {
                        // More than one line for one query: the extra bytes belong to no one; drop them before the next request.
                        _dirty = true;
                        _buffered = 0;
                    }

                    return reply;
                }

                if (_buffered >= _options.MaxReplyBytes)
                {
                    replyLength = _buffered;
                    _dirty = true;
                    throw new InstrumentException($"{_options.Device} on {Line}: reply to \"{text}\" exceeds {_options.MaxReplyBytes} bytes without a terminator");
                }

                var read = await _channel.ReadAsync(_receive.AsMemory(_buffered), deadline.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    replyLength = _buffered;
                    await _channel.CloseAsync().ConfigureAwait(false);
                    throw new TransportException($"{Line} closed by the peer", isTransient: true);
                }

                _buffered += read;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            replyLength = _buffered;
            _dirty = true;
            Record(text, requestLength, replyLength, started, startedNs, ExchangeOutcome.Timeout, "timeout");
            LogTimeout(_logger, _options.Device, Line, text, timeout.TotalMilliseconds);
            throw new InstrumentTimeoutException($"{_options.Device} on {Line}: no reply to \"{text}\" within {timeout.TotalMilliseconds:0} ms");
        }
        catch (OperationCanceledException)
        {
            _dirty = true;
            Record(text, requestLength, _buffered, started, startedNs, ExchangeOutcome.Cancelled, "cancelled");
            throw;
        }
        catch (TransportException e)
        {
            _dirty = true;
            Record(text, requestLength, replyLength, started, startedNs, ExchangeOutcome.LineError, e.Message);
            await CloseQuietlyAsync().ConfigureAwait(false);
            throw;
        }
        catch (InstrumentException e)
        {
            Record(text, requestLength, replyLength, started, startedNs, ExchangeOutcome.BadReply, e.Message);
            throw;
        }
    }

    private int Encode(string text)
    {
        var length = Encoding.ASCII.GetByteCount(text) + _options.WriteTerminator.Length;
        if (length > _transmit.Length)
        {
            throw new ArgumentException($"SCPI command longer than {_transmit.Length} bytes", nameof(text));
        }

        if (text.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            throw new ArgumentException("SCPI command must be one line", nameof(text));
        }

        var written = Encoding.ASCII.GetBytes(text, _transmit);
        written += Encoding.ASCII.GetBytes(_options.WriteTerminator, _transmit.AsSpan(written));
        return written;
    }

    private void Record(string text, int requestLength, int replyLength, long started, long startedNs, ExchangeOutcome outcome, string? detail)
    {
        if (ReferenceEquals(_recorder, NullExchangeRecorder.Instance))
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        _recorder.Record(new ExchangeRecord(
            0,
            startedNs,
            Line,
            _options.Device,
            "scpi",
            _transmit.AsMemory(0, requestLength),
            _receive.AsMemory(0, Math.Min(replyLength, _receive.Length)),
            (long)(elapsed.TotalMilliseconds * 1000),
            outcome,
            detail));
    }

    private async ValueTask CloseQuietlyAsync()
    {
        try
        {
            await _channel.CloseAsync().ConfigureAwait(false);
        }
        catch (TransportException)
        {
            // The line is already broken; the next call reopens it.
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "{Device} on {Line}: no reply to \"{Command}\" within {TimeoutMs} ms")]
    private static partial void LogTimeout(ILogger logger, string device, string line, string command, double timeoutMs);
}
