using System.Net;
using System.Net.Sockets;
using CableTest.Transports;

namespace CableTest.HardwareSim.Replay;

/// <summary>A loopback listener replaying one recorded Modbus TCP line to whichever client connects.</summary>
internal sealed class ReplayTcpListener : IAsyncDisposable
{
    private readonly ReplayServer server;
    private readonly TcpChannelListener listener;

    public ReplayTcpListener(ReplayServer server, int port)
    {
        this.server = server;
        listener = new TcpChannelListener(new IPEndPoint(IPAddress.Loopback, port), ServeAsync);
        Port = listener.LocalEndPoint.Port;
        listener.Start(16);
    }

    public int Port { get; }

    public ValueTask DisposeAsync() => listener.DisposeAsync();

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
