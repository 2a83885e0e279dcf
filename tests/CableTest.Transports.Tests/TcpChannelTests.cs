using System.Net;
using System.Net.Sockets;
using CableTest.Testing;
using CableTest.Transports;

namespace CableTest.Transports.Tests;

public sealed class TcpChannelTests
{
    [Fact]
    public async Task Echo_RoundTrip_AndCancelledReadLeavesItUsable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        // The peer echoes only once the client's first read has been cancelled: the read can end no other way
        // (a fixed delay before the echo raced the 20 ms cancellation on a loaded machine).
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var serving = Task.Run(async () =>
        {
            using var peer = await listener.AcceptSocketAsync();
            var buffer = new byte[64];
            int n;
            while ((n = await peer.ReceiveAsync(buffer)) > 0)
            {
                await cancelled.Task;
                await peer.SendAsync(buffer.AsMemory(0, n));
            }
        });

        await using var channel = new TcpChannel("127.0.0.1", port);
        await channel.OpenAsync(default);
        await channel.WriteAsync("ping"u8.ToArray(), default);
        using var cts = new CancellationTokenSource(20);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => channel.ReadAsync(new byte[4], cts.Token).AsTask());
        cancelled.SetResult();
        Assert.Equal("ping"u8.ToArray(), await channel.ReadExactlyAsync(4));
        await channel.CloseAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task PeerCloses_ReadReturnsZero_ThenOpenReconnects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var channel = new TcpChannel("127.0.0.1", port);
        await channel.OpenAsync(default);
        using (var first = await listener.AcceptSocketAsync())
        {
            first.Shutdown(SocketShutdown.Both);
        }

        Assert.Equal(0, await channel.ReadAsync(new byte[4], default));
        Assert.False(channel.IsOpen);

        await channel.OpenAsync(default);
        using var second = await listener.AcceptSocketAsync();
        await second.SendAsync("ok"u8.ToArray());
        Assert.Equal("ok"u8.ToArray(), await channel.ReadExactlyAsync(2));
    }

    [Fact]
    public async Task Open_NothingListening_IsATransientTransportError()
    {
        await using var channel = new TcpChannel("127.0.0.1", FreeTcpPort.Next());
        var e = await Assert.ThrowsAsync<TransportException>(() => channel.OpenAsync(default).AsTask());
        Assert.True(e.IsTransient);
    }
}
