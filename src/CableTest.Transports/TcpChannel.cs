using System.Net;
using System.Net.Sockets;

namespace CableTest.Transports;

/// <summary>
/// A TCP connection (Modbus TCP, RTU over TCP through a serial server, SCPI on a raw socket):
/// no Nagle delay, keepalive on, bounded connect time, and a clean reconnect after the peer closed.
/// </summary>
public sealed class TcpChannel(string host, int port, TimeSpan? connectTimeout = null) : IByteChannel
{
    private readonly TimeSpan connectTimeout = connectTimeout ?? TimeSpan.FromSeconds(5);
    private Socket? socket;
    private bool peerClosed;

    /// <summary>Wraps a connection accepted by a listener (server side).</summary>
    public TcpChannel(Socket accepted)
        : this(((IPEndPoint)accepted.RemoteEndPoint!).Address.ToString(), ((IPEndPoint)accepted.RemoteEndPoint!).Port)
    {
        socket = accepted;
        socket.NoDelay = true;
        Name = $"tcp:{accepted.RemoteEndPoint}";
    }

    public string Name { get; } = $"tcp://{host}:{port}";

    public string Host => host;

    public int Port => port;

    public bool IsOpen => socket is { Connected: true } && !peerClosed;

    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        if (IsOpen)
        {
            return;
        }

        Release();
        var s = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connectTimeout);
        try
        {
            await s.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            s.Dispose();
            throw new TransportException($"{Name}: no connection within {connectTimeout}", isTransient: true);
        }
        catch (SocketException e)
        {
            s.Dispose();
            throw new TransportException($"{Name}: cannot connect: {e.Message}", isTransient: e.SocketErrorCode != SocketError.HostNotFound, e);
        }
        catch
        {
            s.Dispose();
            throw;
        }

        socket = s;
        peerClosed = false;
    }

    public ValueTask CloseAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var s = Current();
        try
        {
            // A reply usually arrives within tens of microseconds on a LAN: take it on this thread when it is
            // already there (or shows up during a short spin) instead of paying a thread-pool hop for it.
            if (SpinForData(s))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ready = s.Receive(buffer.Span, SocketFlags.None);
                if (ready == 0)
                {
                    peerClosed = true;
                }

                return ready;
            }

            var n = await s.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                peerClosed = true;
            }

            return n;
        }
        catch (SocketException e)
        {
            peerClosed = true;
            throw new TransportException($"{Name}: connection lost: {e.Message}", isTransient: true, e);
        }
    }

    private const int SmallWrite = 1024;

    /// <summary>How long a read looks for data on its own thread before awaiting the socket. Zero disables it.</summary>
    public TimeSpan SpinBeforeWait { get; init; } = TimeSpan.FromMicroseconds(200);

    private bool SpinForData(Socket socket) =>
        socket.Available > 0 || ReadSpin.Until(socket, static s => s.Available > 0, SpinBeforeWait);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var s = Current();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (data.Length <= SmallWrite && s.Poll(0, SelectMode.SelectWrite))
            {
                // A request frame fits the socket buffer that is known to have room: send it here, no hop.
                data = data[s.Send(data.Span, SocketFlags.None)..];
            }

            while (!data.IsEmpty)
            {
                var n = await s.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                data = data[n..];
            }
        }
        catch (SocketException e)
        {
            peerClosed = true;
            throw new TransportException($"{Name}: connection lost: {e.Message}", isTransient: true, e);
        }
    }

    public ValueTask DiscardInputAsync(CancellationToken cancellationToken)
    {
        var s = Current();
        Span<byte> scratch = stackalloc byte[512];
        while (s.Available > 0)
        {
            if (s.Receive(scratch, SocketFlags.None) == 0)
            {
                peerClosed = true;
                break;
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    private Socket Current() => socket ?? throw new TransportException($"{Name}: not connected", isTransient: true);

    private void Release()
    {
        if (socket is null)
        {
            return;
        }

        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        socket.Dispose();
        socket = null;
    }
}
