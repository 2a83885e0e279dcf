using System.Net;
using CableTest.Transports;

namespace CableTest.Transports.Tests;

public sealed class TcpChannelListenerTests
{
    [Fact]
    public async Task TwoClients_AreServedAtOnce_AndDisposeCancelsBoth()
    {
        var cancelled = 0;
        var listener = new TcpChannelListener(new IPEndPoint(IPAddress.Loopback, 0), async (channel, token) =>
        {
            await using (channel)
            {
                var buffer = new byte[16];
                try
                {
                    while (true)
                    {
                        var n = await channel.ReadAsync(buffer, token);
                        if (n == 0)
                        {
                            return;
                        }

                        await channel.WriteAsync(buffer.AsMemory(0, n), token);
                    }
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref cancelled);
                    throw;
                }
            }
        });
        listener.Start();
        await using var first = new TcpChannel("127.0.0.1", listener.LocalEndPoint.Port);
        await using var second = new TcpChannel("127.0.0.1", listener.LocalEndPoint.Port);
        await first.OpenAsync(default);
        await second.OpenAsync(default);

        // The first client stays connected and idle while the second is answered: one client never blocks another.
        await first.WriteAsync("a"u8.ToArray(), default);
        Assert.Equal("a"u8.ToArray(), await first.ReadExactlyAsync(1));
        await second.WriteAsync("bc"u8.ToArray(), default);
        Assert.Equal("bc"u8.ToArray(), await second.ReadExactlyAsync(2));

        await listener.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, cancelled);
        Assert.Equal(0, await first.ReadAsync(new byte[1], default)); // the server side closed the connection
    }
}
