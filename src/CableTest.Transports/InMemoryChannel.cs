using System.Buffers;
using System.IO.Pipelines;

namespace CableTest.Transports;

/// <summary>
/// The in-memory twin of a line, for codec and master tests: <see cref="CreatePair"/> gives two
/// connected ends. Bytes written to one are read from the other; <see cref="Disconnect"/> makes the
/// peer see end-of-stream, as a pulled cable or closed socket would.
/// </summary>
public sealed class InMemoryChannel : IByteChannel
{
    private Pipe inbound;
    private Pipe outbound;
    private bool open = true;

    private InMemoryChannel(string name, Pipe inbound, Pipe outbound)
    {
        Name = name;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    public string Name { get; }

    public bool IsOpen => open;

    /// <summary>The other end of this channel.</summary>
    public InMemoryChannel Peer { get; private set; } = null!;

    public static (InMemoryChannel A, InMemoryChannel B) CreatePair(string name = "memory")
    {
        var ab = NewPipe();
        var ba = NewPipe();
        var a = new InMemoryChannel(name + ":a", inbound: ba, outbound: ab);
        var b = new InMemoryChannel(name + ":b", inbound: ab, outbound: ba);
        a.Peer = b;
        b.Peer = a;
        return (a, b);
    }

    /// <summary>Breaks the connection both ways; <see cref="Reconnect"/> makes a fresh one.</summary>
    public void Disconnect()
    {
        outbound.Writer.Complete();
        inbound.Writer.Complete();
        open = false;
        Peer.open = false;
    }

    /// <summary>A new connection between the same two ends (after <see cref="Disconnect"/>).</summary>
    public void Reconnect()
    {
        var mine = NewPipe();
        var theirs = NewPipe();
        inbound = mine;
        outbound = theirs;
        Peer.inbound = theirs;
        Peer.outbound = mine;
        open = Peer.open = true;
    }

    public ValueTask OpenAsync(CancellationToken cancellationToken) =>
        open ? ValueTask.CompletedTask : throw new TransportException($"{Name}: disconnected", isTransient: true);

    public ValueTask CloseAsync()
    {
        Disconnect();
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var reader = inbound.Reader;
        ReadResult result;
        try
        {
            result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return 0;
        }

        var data = result.Buffer;
        var n = (int)Math.Min(data.Length, buffer.Length);
        var consumed = data.Slice(0, n);
        consumed.CopyTo(buffer.Span);
        reader.AdvanceTo(consumed.End);
        if (n == 0 && result.IsCompleted)
        {
            open = false;
        }

        return n;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (!open)
        {
            throw new TransportException($"{Name}: disconnected", isTransient: true);
        }

        await outbound.Writer.WriteAsync(data, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DiscardInputAsync(CancellationToken cancellationToken)
    {
        if (inbound.Reader.TryRead(out var result))
        {
            inbound.Reader.AdvanceTo(result.Buffer.End);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disconnect();
        return ValueTask.CompletedTask;
    }

    private static Pipe NewPipe() => new(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
}
