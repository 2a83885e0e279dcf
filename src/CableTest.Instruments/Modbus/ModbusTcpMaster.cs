using System.Runtime.CompilerServices;
using CableTest.Instruments.Recording;
using CableTest.Protocols.Modbus;
using CableTest.Transports;
using Microsoft.Extensions.Logging;

namespace CableTest.Instruments.Modbus;

/// <summary>
/// Modbus TCP master (MBAP framing). Each request carries a fresh transaction id; replies with any
/// other id (late answers to requests that timed out) are drained and never taken as the answer.
/// A stream that loses its framing (impossible header, a reply cut short) is closed and reopened by
/// the next request.
/// </summary>
public sealed class ModbusTcpMaster : ModbusMaster
{
    private readonly byte[] received = new byte[4096];
    private int start;
    private int end;
    private int recordStart;
    private int recordEnd;
    private ushort transactionId;

    /// <summary>A master over <paramref name="channel"/> (usually a <see cref="TcpChannel"/>); the master owns it.</summary>
    public ModbusTcpMaster(IByteChannel channel, ModbusMasterOptions? options = null, IExchangeRecorder? recorder = null,
        TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(channel, options, recorder, timeProvider, logger)
    {
    }

    /// <summary>A master connecting to <paramref name="host"/>:<paramref name="port"/> on first use.</summary>
    public ModbusTcpMaster(string host, int port = 502, ModbusMasterOptions? options = null, IExchangeRecorder? recorder = null,
        TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(new TcpChannel(host, port), options, recorder, timeProvider, logger)
    {
    }

    private protected override string Protocol => "modbus-tcp";

    private protected override int PduOffset => ModbusTcp.HeaderLength;

    private protected override ReadOnlyMemory<byte> Received => received.AsMemory(recordStart, recordEnd - recordStart);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private protected override async ValueTask<ReadOnlyMemory<byte>> TransactAsync(UnitState unit, ModbusFunctionCode function, int pduLength,
        bool expectReply, CancellationToken token, CancellationToken caller)
    {
        var id = ++transactionId;
        RequestLength = ModbusTcp.SealFrame(Request, id, unit.Unit, pduLength);
        recordStart = recordEnd = start;
        await Channel.WriteAsync(Request.AsMemory(0, RequestLength), token).ConfigureAwait(false);
        if (!expectReply)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var stray = 0;
        while (true)
        {
            bool complete;
            ModbusTcpHeader header;
            int length;
            try
            {
                complete = ModbusTcp.TryReadFrame(received.AsSpan(start, end - start), out header, out length);
            }
            catch (ModbusFrameException)
            {
                recordEnd = end;
                await BreakLineAsync("MBAP framing lost").ConfigureAwait(false);
                throw;
            }

            if (complete)
            {
                var frame = start;
                start += length;
                recordEnd = start;
                if (header.TransactionId != id)
                {
                    stray++;
                    continue;
                }

                recordStart = frame;
                if (header.Unit != unit.Unit)
                {
                    throw new ModbusFrameException(ModbusFrameErrorKind.UnexpectedResponse,
                        $"{LineName}: transaction {id} answered by unit {header.Unit}, sent to unit {unit.Unit}");
                }

                return received.AsMemory(frame + ModbusTcp.HeaderLength, header.PduLength);
            }

            if (start > 0 && received.Length - end < ModbusLimits.MaxTcpFrameLength)
            {
                received.AsSpan(start, end - start).CopyTo(received);
                end -= start;
                recordStart = 0;
                start = 0;
            }

            int n;
            try
            {
                n = await Channel.ReadAsync(received.AsMemory(end), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!caller.IsCancellationRequested)
            {
                recordEnd = end;
                if (end > start)
                {
                    await BreakLineAsync("reply cut short").ConfigureAwait(false);
                    throw new ModbusFrameException(ModbusFrameErrorKind.Truncated,
                        $"{LineName}: reply to transaction {id} (unit {unit.Unit}) incomplete after {unit.Timeout.TotalMilliseconds:0} ms");
                }

                if (stray > 0)
                {
                    throw new ModbusFrameException(ModbusFrameErrorKind.StrayTransaction,
                        $"{LineName}: {stray} replies with stale transaction ids, none for transaction {id} (unit {unit.Unit})");
                }

                throw new ModbusTimeoutException(LineName, unit.Unit, unit.Timeout);
            }

            if (n == 0)
            {
                throw new TransportException($"{LineName}: connection closed by the server", isTransient: true);
            }

            end += n;
            recordEnd = end;
        }
    }

    private protected override void OnLineReset() => start = end = recordStart = recordEnd = 0;
}
