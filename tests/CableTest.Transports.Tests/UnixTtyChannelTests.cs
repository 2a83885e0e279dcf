using System.Text;
using CableTest.Transports;

namespace CableTest.Transports.Tests;

public sealed class UnixTtyChannelTests
{
    private static readonly SerialSettings Settings = new() { BaudRate = 115200 };

    [Fact]
    public async Task PseudoTerminal_BytesFlowBothWays_Untouched()
    {
        await using var pty = PseudoTerminal.Open();
        await using var client = new UnixTtyChannel(pty.SlavePath, Settings);
        await client.OpenAsync(default);

        // Every byte value, including CR, LF, XON (0x11), XOFF (0x13), Ctrl-C: raw mode must not touch them.
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        await client.WriteAsync(all, default);
        Assert.Equal(all, await pty.Master.ReadExactlyAsync(256));
        await pty.Master.WriteAsync(all, default);
        Assert.Equal(all, await client.ReadExactlyAsync(256));
    }

    [Fact]
    public async Task Read_CancelledWhileWaiting_LeavesTheChannelUsable()
    {
        await using var pty = PseudoTerminal.Open();
        await using var client = new UnixTtyChannel(pty.SlavePath, Settings);
        await client.OpenAsync(default);

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var buffer = new byte[16];
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReadAsync(buffer, cts.Token).AsTask());

        await pty.Master.WriteAsync("*IDN?\n"u8.ToArray(), default);
        Assert.Equal("*IDN?\n", Encoding.ASCII.GetString(await client.ReadExactlyAsync(6)));
    }

    [Fact]
    public async Task Read_WakesWhenBytesArrive_WhileWaiting()
    {
        await using var pty = PseudoTerminal.Open();
        await using var client = new UnixTtyChannel(pty.SlavePath, Settings);
        await client.OpenAsync(default);

        var buffer = new byte[8];
        var pending = client.ReadAsync(buffer, default).AsTask();
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        await pty.Master.WriteAsync(new byte[] { 0x01, 0x03 }, default);
        var n = await pending.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([0x01, 0x03], buffer[..n]);
    }

    [Fact]
    public async Task LargeWrite_IsDeliveredCompletely()
    {
        await using var pty = PseudoTerminal.Open();
        await using var client = new UnixTtyChannel(pty.SlavePath, Settings);
        await client.OpenAsync(default);
        var data = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();

        var reading = pty.Master.ReadExactlyAsync(data.Length, TimeSpan.FromSeconds(20));
        await client.WriteAsync(data, default);
        Assert.Equal(data, await reading);
    }

    [Fact]
    public async Task ClientReopen_AfterClose_ReconnectsToTheSameMaster()
    {
        await using var pty = PseudoTerminal.Open();
        await using var client = new UnixTtyChannel(pty.SlavePath, Settings);
        await client.OpenAsync(default);
        await client.CloseAsync();
        Assert.False(client.IsOpen);
        await client.OpenAsync(default);
        await client.WriteAsync(new byte[] { 42 }, default);
        Assert.Equal([42], await pty.Master.ReadExactlyAsync(1));
    }

    [Fact]
    public async Task Symlink_PointsAtTheSlave_AndIsRemovedOnDispose()
    {
        var link = Path.Combine(Path.GetTempPath(), "cabletest-link-" + Guid.NewGuid().ToString("N"), "ohmmeter");
        var pty = PseudoTerminal.Open(link);
        Assert.Equal(pty.SlavePath, new FileInfo(link).LinkTarget);
        await using (var client = new UnixTtyChannel(link, Settings))
        {
            await client.OpenAsync(default);
            await client.WriteAsync("x"u8.ToArray(), default);
            Assert.Equal("x"u8.ToArray(), await pty.Master.ReadExactlyAsync(1));
        }

        await pty.DisposeAsync();
        Assert.False(File.Exists(link));
    }

    [Fact]
    public async Task Open_MissingDevice_IsATransientTransportError()
    {
        await using var channel = new UnixTtyChannel("/dev/does-not-exist-" + Guid.NewGuid().ToString("N"), Settings);
        var e = await Assert.ThrowsAsync<TransportException>(() => channel.OpenAsync(default).AsTask());
        Assert.True(e.IsTransient);
        Assert.Contains("cannot open", e.Message);
    }

    [Fact]
    public async Task SocatPair_TermiosOnBothEnds_WithNonStandardBaud()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var a = new UnixTtyChannel(pair.A, new SerialSettings { BaudRate = 250000, Parity = SerialParity.Even });
        await using var b = new UnixTtyChannel(pair.B, new SerialSettings { BaudRate = 19200, Parity = SerialParity.Even });
        await a.OpenAsync(default);
        await b.OpenAsync(default);
        await a.WriteAsync("01 03 00 00 00 0A C5 CD"u8.ToArray(), default);
        Assert.Equal("01 03 00 00 00 0A C5 CD", Encoding.ASCII.GetString(await b.ReadExactlyAsync(23)));
    }

    [Fact]
    public async Task SerialPortChannel_OverASocatPty_ExchangesBytes()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var ports = new SerialPortChannel(pair.A, Settings);
        await using var termios = new UnixTtyChannel(pair.B, Settings);
        await ports.OpenAsync(default);
        await termios.OpenAsync(default);

        await termios.WriteAsync("+1.23456E-03\n"u8.ToArray(), default);
        Assert.Equal("+1.23456E-03\n", Encoding.ASCII.GetString(await ports.ReadExactlyAsync(13)));
        await ports.WriteAsync(":MEAS:RES?\n"u8.ToArray(), default);
        Assert.Equal(":MEAS:RES?\n", Encoding.ASCII.GetString(await termios.ReadExactlyAsync(11)));

        using var cts = new CancellationTokenSource(100);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ports.ReadAsync(new byte[4], cts.Token).AsTask());
    }
}
