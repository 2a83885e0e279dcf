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

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var s = Current();
        try
        {
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
