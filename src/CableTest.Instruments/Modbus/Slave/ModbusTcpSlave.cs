using System.Buffers.Binary;
using System.Net;
using CableTest.Protocols.Modbus;
using CableTest.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Instruments.Modbus.Slave;

/// <summary>
/// Serves a <see cref="ModbusSlaveProcessor"/> as Modbus TCP: listens on a port (0 picks a free
/// one, see <see cref="Port"/>), any number of clients, each on its own loop; requests on one
/// connection are answered in order. A client whose stream loses MBAP framing is disconnected.
/// </summary>
public sealed class ModbusTcpSlave : IAsyncDisposable
{
    private readonly ModbusSlaveProcessor processor;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly TcpChannelListener listener;
    private bool started;
    private long served;

    /// <summary>A slave bound to <paramref name="endpoint"/> (default 127.0.0.1, any free port); call <see cref="Start"/>.</summary>
    public ModbusTcpSlave(ModbusSlaveProcessor processor, IPEndPoint? endpoint = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(processor);
        this.processor = processor;
        this.logger = logger ?? NullLogger.Instance;
        time = timeProvider ?? TimeProvider.System;
        listener = new TcpChannelListener(endpoint ?? new IPEndPoint(IPAddress.Loopback, 0), ServeClientAsync);
        LocalEndPoint = listener.LocalEndPoint;
    }

    /// <summary>Chooses a fault per request (fault injection); null behaves.</summary>
    public ModbusFaultHook? FaultHook { get; set; }

    /// <summary>Where the slave listens.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The bound port.</summary>
    public int Port => LocalEndPoint.Port;

    /// <summary>Requests answered or applied so far.</summary>
    public long RequestsServed => Interlocked.Read(ref served);

    /// <summary>Starts accepting clients.</summary>
    public void Start()
    {
        if (started)
        {
            return;
        }

        started = true;
        listener.Start();
        ModbusSlaveLog.Listening(logger, LocalEndPoint.ToString());
    }

    /// <summary>Stops listening and disconnects every client.</summary>
    public ValueTask DisposeAsync() => listener.DisposeAsync();

    private async Task ServeClientAsync(TcpChannel channel, CancellationToken cancellationToken)
    {
        ModbusSlaveLog.ClientConnected(logger, channel.Name);
        var buffer = new byte[4096];
        var reply = new byte[ModbusLimits.MaxTcpFrameLength];
        var filled = 0;
        try
        {
            while (true)
            {
                var n = await channel.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    ModbusSlaveLog.ClientGone(logger, channel.Name, "closed");
                    return;
                }

                filled += n;
                var consumed = 0;
                while (ModbusTcp.TryReadFrame(buffer.AsSpan(consumed, filled - consumed), out var header, out var length))
                {
                    var frame = consumed;
                    consumed += length;
                    var total = Answer(header, buffer.AsSpan(frame + ModbusTcp.HeaderLength, header.PduLength), reply, out var delay);
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                    }

                    if (total > 0)
                    {
                        await channel.WriteAsync(reply.AsMemory(0, total), cancellationToken).ConfigureAwait(false);
                    }
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        catch (ModbusFrameException e)
        {
            ModbusSlaveLog.ClientGone(logger, channel.Name, e.Message);
        }
        catch (IOException e)
        {
            ModbusSlaveLog.ClientGone(logger, channel.Name, e.Message);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }
    }

    private int Answer(ModbusTcpHeader header, ReadOnlySpan<byte> request, Span<byte> reply, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (!processor.Serves(header.Unit))
        {
            return 0;
        }

        var fault = FaultHook?.Invoke(header.Unit, request) ?? ModbusFault.None;
        delay = fault.Delay;
        var pdu = reply[ModbusTcp.HeaderLength..];
        var pduLength = fault.Kind == ModbusFaultKind.Exception
            ? ModbusPdu.WriteExceptionResponse(pdu, request[0], fault.ExceptionCode)
            : processor.Process(header.Unit, request, pdu);
        Interlocked.Increment(ref served);
        if (pduLength == 0 || fault.Kind == ModbusFaultKind.NoReply)
        {
            return 0;
        }

        var id = fault.Kind == ModbusFaultKind.StaleTransaction ? (ushort)(header.TransactionId - 1) : header.TransactionId;
        var total = ModbusTcp.SealFrame(reply, id, header.Unit, pduLength);
        switch (fault.Kind)
        {
            case ModbusFaultKind.CorruptCrc:
                BinaryPrimitives.WriteUInt16BigEndian(reply[2..], 0xBAD0);
                break;
            case ModbusFaultKind.Truncate:
                total = fault.KeepBytes > 0 ? Math.Min(fault.KeepBytes, total - 1) : total / 2;
                break;
            case ModbusFaultKind.Garbage:
                reply[..total].Fill(0xFF); // protocol id 0xFFFF: framing is visibly lost
                break;
        }

        return total;
    }
}
