using CableTest.Transports;

namespace CableTest.Transports.Tests;

public sealed class InMemoryChannelTests
{
    [Fact]
    public async Task Pair_BytesFlowBothWays_AndDisconnectIsEndOfStream()
    {
        var (a, b) = InMemoryChannel.CreatePair();
        await a.WriteAsync(new byte[] { 1, 2, 3 }, default);
        Assert.Equal([1, 2, 3], await b.ReadExactlyAsync(3));
        await b.WriteAsync(new byte[] { 9 }, default);
        Assert.Equal([9], await a.ReadExactlyAsync(1));

        a.Disconnect();
        Assert.Equal(0, await b.ReadAsync(new byte[1], default));
        await Assert.ThrowsAsync<TransportException>(() => b.WriteAsync(new byte[] { 1 }, default).AsTask());

        a.Reconnect();
        await b.WriteAsync(new byte[] { 7 }, default);
        Assert.Equal([7], await a.ReadExactlyAsync(1));
    }

    [Fact]
    public async Task Read_CancelledThenData_IsStillDelivered()
    {
        var (a, b) = InMemoryChannel.CreatePair();
        using var cts = new CancellationTokenSource(30);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.ReadAsync(new byte[2], cts.Token).AsTask());
        await a.WriteAsync(new byte[] { 5, 6 }, default);
        Assert.Equal([5, 6], await b.ReadExactlyAsync(2));
    }
}
