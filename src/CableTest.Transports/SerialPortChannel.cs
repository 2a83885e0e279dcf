using System.IO.Ports;

namespace CableTest.Transports;

/// <summary>
/// A serial port through System.IO.Ports: the portable default (Windows COM ports included).
/// Deadlines are ours: a read waits for the DataReceived signal or the caller's token, then reads
/// only what is already buffered, so an in-flight read never outlives its token (on Windows,
/// SerialStream.ReadAsync ignores the token once started).
/// </summary>
public sealed class SerialPortChannel : IByteChannel
{
    private readonly string portName;
    private readonly SerialSettings settings;
    private SerialPort? port;
    private TaskCompletionSource dataSignal = NewSignal();

    public SerialPortChannel(string portName, SerialSettings settings)
    {
        this.portName = portName;
        this.settings = settings.Validate();
        Name = "serial:" + portName;
    }

    public string Name { get; }

    public bool IsOpen => port?.IsOpen == true;

    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        if (IsOpen)
        {
            return ValueTask.CompletedTask;
        }

        Release();
        var p = new SerialPort(portName, settings.BaudRate, settings.Parity switch
        {
            SerialParity.Even => Parity.Even,
            SerialParity.Odd => Parity.Odd,
            _ => Parity.None,
        }, settings.DataBits, settings.StopBits == 2 ? StopBits.Two : StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = 5000,
            ReceivedBytesThreshold = 1,
        };
        p.DataReceived += (_, _) => dataSignal.TrySetResult();
        p.ErrorReceived += (_, _) => dataSignal.TrySetResult();
        try
        {
            p.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            p.Dispose();
            throw new TransportException($"{Name}: cannot open: {e.Message}", isTransient: e is not ArgumentException, e);
        }

        port = p;
        return ValueTask.CompletedTask;
    }

    public ValueTask CloseAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var p = Current();
        while (true)
        {
            var signal = Volatile.Read(ref dataSignal);
            int available;
            try
            {
                available = p.BytesToRead;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                throw new TransportException($"{Name}: port lost: {e.Message}", isTransient: true, e);
            }

            if (available > 0)
            {
                var chunk = new byte[Math.Min(available, buffer.Length)];
                var n = p.Read(chunk, 0, chunk.Length);
                chunk.AsSpan(0, n).CopyTo(buffer.Span);
                return n;
            }

            if (!p.IsOpen)
            {
                return 0;
            }

            // Re-arm, then wait for the next DataReceived (or the token).
            Interlocked.CompareExchange(ref dataSignal, NewSignal(), signal);
            if (p.BytesToRead == 0)
            {
                await dataSignal.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var p = Current();
        try
        {
            await p.BaseStream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException)
        {
            throw new TransportException($"{Name}: write failed: {e.Message}", isTransient: true, e);
        }
    }

    public ValueTask DiscardInputAsync(CancellationToken cancellationToken)
    {
        Current().DiscardInBuffer();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SerialPort Current() => port ?? throw new TransportException($"{Name}: not open", isTransient: true);

    private void Release()
    {
        port?.Dispose();
        port = null;
        dataSignal.TrySetResult();
    }
}
