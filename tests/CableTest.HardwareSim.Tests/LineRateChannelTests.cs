using System.Diagnostics;
using CableTest.HardwareSim.Serving;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.HardwareSim.Tests;

/// <summary>
/// The line-rate emulation on a real pseudo-terminal: never faster than the wire (lower bounds computed from the
/// baud rate and character format), only loosely bounded above (a loaded 2-core machine).
/// </summary>
public class LineRateChannelTests
{
    private static readonly TimeSpan Loose = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(9600, 30)]
    [InlineData(115200, 255)]
    public async Task WriteAsync_HandsNoByteOverBeforeItHasCrossedTheWire(int baud, int length)
    {
        var serial = new SerialSettings { BaudRate = baud, Parity = SerialParity.Even };
        await using var pty = PseudoTerminal.Open();
        await using var paced = new LineRateChannel(pty.Master, serial, new LineRateOptions(), TimeProvider.System);
        await using var driver = new UnixTtyChannel(pty.SlavePath, serial);
        await driver.OpenAsync(CancellationToken.None);
        var reply = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        var started = Stopwatch.GetTimestamp();
        var write = paced.WriteAsync(reply, CancellationToken.None).AsTask();
        var arrivals = new List<(int Count, TimeSpan At)>();
        var got = new byte[length];
        var filled = 0;
        using var deadline = new CancellationTokenSource(Loose + (serial.CharacterTime * length));
        while (filled < length)
        {
            filled += await driver.ReadAsync(got.AsMemory(filled), deadline.Token);
            arrivals.Add((filled, Stopwatch.GetElapsedTime(started)));
        }

        await write;
        Assert.Equal(reply, got);
        Assert.All(arrivals, a => Assert.True(a.At >= serial.CharacterTime * a.Count,
            $"{a.Count} bytes seen after {a.At.TotalMilliseconds:0.000} ms, before their wire time {(serial.CharacterTime * a.Count).TotalMilliseconds:0.000} ms"));
    }

    [Theory]
    [InlineData(19200)]
    [InlineData(115200)]
    public async Task ReadAsync_DeliversAFrameOnlyAfterItsLastByteAndTheSilenceThatEndsIt(int baud)
    {
        var serial = new SerialSettings { BaudRate = baud, Parity = SerialParity.Even };
        var t35 = ModbusRtu.InterFrameDelay(baud, serial.BitsPerCharacter);
        var turnaround = TimeSpan.FromMilliseconds(3);
        await using var pty = PseudoTerminal.Open();
        await using var paced = new LineRateChannel(pty.Master, serial, new LineRateOptions { ReplyDelay = turnaround }, TimeProvider.System, t35);
        await using var driver = new UnixTtyChannel(pty.SlavePath, serial);
        await driver.OpenAsync(CancellationToken.None);
        byte[] request = [1, 3, 0, 0, 0, 10, 0xC5, 0xCD];

        for (var round = 0; round < 5; round++)
        {
            var started = Stopwatch.GetTimestamp();
            await driver.WriteAsync(request, CancellationToken.None);
            var got = new byte[64];
            using var deadline = new CancellationTokenSource(Loose);
            var n = await paced.ReadAsync(got, deadline.Token);
            var at = Stopwatch.GetElapsedTime(started);

            Assert.Equal(request, got[..n]);
            var wire = (serial.CharacterTime * request.Length) + t35;
            Assert.True(at >= wire, $"frame read after {at.TotalMilliseconds:0.000} ms, before {wire.TotalMilliseconds:0.000} ms");

            // The reply (it starts the reply delay after the request was due, however late the emulation handed it
            // over), then the next request at once: it may not start inside the silence after the reply.
            byte[] reply = [1, 3, 2, 0, 0, 0xB8, 0x44];
            await paced.WriteAsync(reply, CancellationToken.None);
            var seen = 0;
            while (seen < reply.Length)
            {
                seen += await driver.ReadAsync(got.AsMemory(seen), deadline.Token);
            }

            at = Stopwatch.GetElapsedTime(started);
            wire = (serial.CharacterTime * (request.Length + reply.Length)) + t35 + turnaround;
            Assert.True(at >= wire, $"reply seen after {at.TotalMilliseconds:0.000} ms, before {wire.TotalMilliseconds:0.000} ms");
            await driver.WriteAsync(request, CancellationToken.None);
            n = await paced.ReadAsync(got, deadline.Token);
            at = Stopwatch.GetElapsedTime(started);
            Assert.Equal(request, got[..n]);
            wire = (serial.CharacterTime * (request.Length + reply.Length + request.Length)) + t35 + turnaround + t35 + t35;
            Assert.True(at >= wire, $"request after the reply read after {at.TotalMilliseconds:0.000} ms, before {wire.TotalMilliseconds:0.000} ms");
        }
    }

    [Fact]
    public async Task ReadAsync_CancelledWhileTheFrameIsOnTheWire_LosesNoBytes()
    {
        var serial = new SerialSettings { BaudRate = 1200, Parity = SerialParity.Even };
        await using var pty = PseudoTerminal.Open();
        await using var paced = new LineRateChannel(pty.Master, serial, new LineRateOptions(), TimeProvider.System,
            ModbusRtu.InterFrameDelay(1200, serial.BitsPerCharacter));
        await using var driver = new UnixTtyChannel(pty.SlavePath, serial);
        await driver.OpenAsync(CancellationToken.None);
        byte[] request = [1, 3, 0, 0, 0, 10, 0xC5, 0xCD];
        await driver.WriteAsync(request, CancellationToken.None);

        // 8 characters at 1200 8E1 take 73 ms on the wire: a read cancelled after 1 ms (usually) gives up meanwhile.
        var got = new byte[64];
        int n;
        try
        {
            using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));
            n = await paced.ReadAsync(got, impatient.Token);
        }
        catch (OperationCanceledException)
        {
            using var deadline = new CancellationTokenSource(Loose);
            n = await paced.ReadAsync(got, deadline.Token);
        }

        Assert.Equal(request, got[..n]);
    }
}
