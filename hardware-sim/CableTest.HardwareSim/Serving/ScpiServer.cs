using System.Globalization;
using System.Text;
using CableTest.HardwareSim.Devices;
using CableTest.Protocols.Scpi;
using CableTest.Transports;

namespace CableTest.HardwareSim.Serving;

/// <summary>
/// Serves one simulated SCPI instrument on a byte channel: one program message per line (LF, CR LF accepted),
/// replies terminated by LF. Injected faults apply to queries (latency, no reply, partial, garbled) or, for
/// <c>scpi_error</c>, to commands: the command is not executed and the error is queued.
/// </summary>
internal sealed class ScpiServer(IByteChannel channel, ScpiInstrument instrument, FaultInjector faults, TimeProvider time, Action onExchange)
{
    private const int MaxLine = 4096;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxLine * 2];
        var filled = 0;
        var random = new Random(17);
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
                    // Nobody on the other end yet (or a driver closed the port): wait for the next writer.
                    await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                filled += n;
                var consumed = 0;
                while (ScpiLineFramer.TryReadLine(buffer.AsSpan(consumed, filled - consumed), (byte)'\n', out var line, out var used))
                {
                    var text = Encoding.ASCII.GetString(line);
                    consumed += used;
                    await AnswerAsync(text, random, cancellationToken).ConfigureAwait(false);
                }

                if (consumed == 0 && filled >= MaxLine)
                {
                    consumed = filled; // a line longer than any command: drop it
                    instrument.PushError(-100, "Command error");
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task AnswerAsync(string text, Random random, CancellationToken cancellationToken)
    {
        onExchange();
        var command = ScpiCommand.Parse(text);
        var isErrorQuery = command.IsQuery && command.Is("SYSTem:ERRor");
        if (!command.IsQuery && faults.Next(k => k == FaultKind.ScpiError) is { } rejected)
        {
            var code = (int)rejected.Parameter == 0 ? -222 : (int)rejected.Parameter;
            instrument.PushError(code, ScpiInstrument.ErrorText(code));
            return;
        }

        var reply = instrument.Execute(text);
        if (reply is null)
        {
            return;
        }

        var fault = isErrorQuery ? null : faults.Next(k => k is FaultKind.Latency or FaultKind.NoReply or FaultKind.PartialFrame or FaultKind.Garbled or FaultKind.BadCrc);
        var bytes = Encoding.ASCII.GetBytes(reply + "\n");
        switch (fault?.Kind)
        {
            case FaultKind.Latency:
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, fault.Parameter)), time, cancellationToken).ConfigureAwait(false);
                break;
            case FaultKind.NoReply:
                return;
            case FaultKind.PartialFrame:
                bytes = bytes[..Math.Max(1, (bytes.Length - 1) / 2)];
                break;
            case FaultKind.Garbled or FaultKind.BadCrc:
                bytes = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"#{random.Next():X8}?%{random.Next():X4}\n"));
                break;
        }

        await channel.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }
}
