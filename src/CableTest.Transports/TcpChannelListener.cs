using System.Net;
using System.Net.Sockets;

namespace CableTest.Transports;

/// <summary>
/// Accepts TCP clients on one endpoint and serves each as a <see cref="TcpChannel"/> (Nagle off) on its own task,
/// through the <c>serve</c> callback, which owns the channel. Disposing stops accepting, cancels every client's
/// token and waits for their tasks. Used by the simulated and replayed TCP devices.
/// </summary>
public sealed class TcpChannelListener : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly Func<TcpChannel, CancellationToken, Task> serve;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> clients = [];
    private readonly Lock clientsGate = new();
    private Task? accepting;

    /// <summary>Binds <paramref name="endpoint"/> (port 0 picks a free one); <see cref="Start"/> begins accepting.</summary>
    public TcpChannelListener(IPEndPoint endpoint, Func<TcpChannel, CancellationToken, Task> serve)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(serve);
        this.serve = serve;
        listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(endpoint);
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <summary>Where the listener is bound.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Starts accepting clients (once; later calls do nothing).</summary>
    public void Start(int backlog = 64)
    {
        if (accepting is not null)
        {
            return;
        }

        listener.Listen(backlog);
        accepting = AcceptAsync(stopping.Token);
    }

    /// <summary>Stops listening, cancels every client and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        Task[] pending;
        lock (clientsGate)
        {
            pending = [.. clients];
        }

        try
        {
            await Task.WhenAll([.. pending, accepting ?? Task.CompletedTask]).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException or TransportException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            var client = ServeAsync(new TcpChannel(socket), cancellationToken);
            lock (clientsGate)
            {
                clients.RemoveAll(t => t.IsCompleted);
                clients.Add(client);
            }
        }
    }

    private async Task ServeAsync(TcpChannel channel, CancellationToken cancellationToken)
    {
        await Task.Yield(); // the accept loop goes on while this client is served
        await serve(channel, cancellationToken).ConfigureAwait(false);
    }
}
