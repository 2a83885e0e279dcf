using System.Net;
using System.Net.Sockets;
using CableTest.Transports;

namespace CableTest.HardwareSim.Replay;

/// <summary>A loopback listener replaying one recorded Modbus TCP line to whichever client connects.</summary>
internal sealed class ReplayTcpListener : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly ReplayServer server;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> clients = [];
    private readonly Task accepting;

    public ReplayTcpListener(ReplayServer server, int port)
    {
        this.server = server;
        listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(16);
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        accepting = AcceptAsync(stopping.Token);
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        try
        {
            await Task.WhenAll([.. clients, accepting]).ConfigureAwait(false);
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

            clients.Add(ServeAsync(new TcpChannel(socket), cancellationToken));
        }
    }

    private async Task ServeAsync(TcpChannel channel, CancellationToken cancellationToken)
    {
        await using (channel.ConfigureAwait(false))
        {
            try
            {
                await server.ServeAsync(channel, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TransportException or IOException or SocketException)
            {
            }
        }
    }
}
