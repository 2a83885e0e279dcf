using CableTest.Instruments.Recording;
using CableTest.Instruments.Scpi;
using CableTest.Transports;

namespace CableTest.Instruments.Tests.Scpi;

public sealed class ScpiSessionTests
{
    /// <summary>3 s unless a test waits for a timeout: a reply that must come has to outlast a slow start (300 ms did not, in CI, while the test assemblies started at once).</summary>
    private static ScpiSessionOptions Options(int timeoutMs = 3000) => new() { Device = "ohm", Timeout = TimeSpan.FromMilliseconds(timeoutMs) };

    [Fact]
    public async Task Query_ReturnsReplyWithoutTerminator()
    {
        var (a, b) = InMemoryChannel.CreatePair();
        await using var peer = new ScpiResponder(b, q => q == "*IDN?" ? "HIOKI,RM3545,42,V1\r\n" : null);
        await using var session = new ScpiSession(a, Options());
        var id = await session.IdentifyAsync(CancellationToken.None);
        Assert.Equal("RM3545", id.Model);
    }

    [Fact]
    public async Task Query_Silence_TimesOutThenNextQueryWorks()
    {
        var (a, b) = InMemoryChannel.CreatePair();
        await using var peer = new ScpiResponder(b, q => q == "MEAS?" ? "1.5\n" : null);
        await using var session = new ScpiSession(a, Options(150));
        await Assert.ThrowsAsync<InstrumentTimeoutException>(() => session.QueryAsync("SILENT?", CancellationToken.None));
        Assert.Equal("1.5", await session.QueryAsync("MEAS?", CancellationToken.None));
    }

    [Fact]
    public async Task Query_LateReplyAfterTimeout_IsNotTakenAsNextAnswer()
    {
        var (a, b) = InMemoryChannel.CreatePair();
        var first = true;
        await using var peer = new ScpiResponder(b, q =>
        {
            if (q == "SLOW?" && first)
            {
                first = false;
                Thread.Sleep(700);
                return "LATE\n";
            }

            return q == "FAST?" ? "FAST\n" : null;
        });
        await using var session = new ScpiSession(a, Options(100));
        await Assert.ThrowsAsync<InstrumentTimeoutException>(() => session.QueryAsync("SLOW?", CancellationToken.None));
        await Task.Delay(900);
        Assert.Equal("FAST", await session.QueryAsync("FAST?", CancellationToken.None));
    }

    [Fact]
    public async Task Send_DeviceRejects_ThrowsWithErrorQueue()
    {
        var (a, b) = InMemoryChannel.CreatePair();
        var queue = new Queue<string>();
        await using var peer = new ScpiResponder(b, q =>
        {
            if (q.StartsWith("VOLT ", StringComparison.Ordinal) && int.Parse(q[5..], System.Globalization.CultureInfo.InvariantCulture) > 1000)
            {
                queue.Enqueue("-222,\"Data out of range\"");
                return null;
            }

            return q == "SYST:ERR?" ? (queue.Count > 0 ? queue.Dequeue() : "0,\"No error\"") + "\n" : null;
        });
        await using var session = new ScpiSession(a, Options());
        await session.SendAsync("VOLT 500", CancellationToken.None);
        var e = await Assert.ThrowsAsync<ScpiDeviceException>(() => session.SendAsync("VOLT 99999", CancellationToken.None));
        Assert.Equal(-222, Assert.Single(e.Errors).Code);
    }

    [Fact]
    public async Task Query_GarbageWithoutTerminator_IsBoundedError()
    {
        var (a, b) = InMemoryChannel.CreatePair();
        await using var peer = new ScpiResponder(b, q => q == "JUNK?" ? new string('x', 200) : q == "OK?" ? "ok\n" : null);
        // The bound trips as soon as 64 bytes have come; the timeout only has to outlast a slow start (at 300 ms it was
        // reached first once in CI, while eight test assemblies started at once).
        await using var session = new ScpiSession(a, new ScpiSessionOptions { Timeout = TimeSpan.FromSeconds(3), MaxReplyBytes = 64 });
        await Assert.ThrowsAsync<InstrumentException>(() => session.QueryAsync("JUNK?", CancellationToken.None));
        Assert.Equal("ok", await session.QueryAsync("OK?", CancellationToken.None));
    }

    [Fact]
    public async Task Query_ConcurrentCallers_AreSerialisedAndEachGetsItsOwnReply()
    {
        var (a, b) = InMemoryChannel.CreatePair();
        await using var peer = new ScpiResponder(b, q => q.StartsWith("ECHO", StringComparison.Ordinal) ? q[4..] + "\n" : null);
        await using var session = new ScpiSession(a, Options(2000));
        var tasks = Enumerable.Range(0, 50).Select(i => session.QueryAsync("ECHO" + i, CancellationToken.None)).ToArray();
        var replies = await Task.WhenAll(tasks);
        for (var i = 0; i < replies.Length; i++)
        {
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), replies[i]);
        }
    }

    [Fact]
    public async Task Query_Cancelled_ThrowsOperationCanceled()
    {
        var (a, b) = InMemoryChannel.CreatePair();
        await using var peer = new ScpiResponder(b, _ => null);
        await using var session = new ScpiSession(a, Options(5000));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.QueryAsync("X?", cts.Token));
    }

    [Fact]
    public async Task Exchanges_AreRecordedAndReadBack()
    {
        using var dir = new CableTest.Testing.TempDirectory("rec");
        var path = dir.File("run.jsonl");
        var (a, b) = InMemoryChannel.CreatePair("memory:ohm");
        await using var peer = new ScpiResponder(b, q => q == "MEAS?" ? "+1.0E-03\n" : null);
        using (var writer = new RecordingWriter(path, "run-1"))
        {
            // 1 s: the MEAS? reply must come in time even while the other test assemblies start up (100 ms did not, once).
            await using var session = new ScpiSession(a, Options(1000), writer);
            await session.QueryAsync("MEAS?", CancellationToken.None);
            await Assert.ThrowsAsync<InstrumentTimeoutException>(() => session.QueryAsync("NONE?", CancellationToken.None));
        }

        var recording = CableTest.Instruments.Recording.Recording.Load(path);
        Assert.Equal("run-1", recording.RunId);
        Assert.Equal(2, recording.Exchanges.Count);
        Assert.Equal("MEAS?\n"u8.ToArray(), recording.Exchanges[0].Request.ToArray());
        Assert.Equal("+1.0E-03\n"u8.ToArray(), recording.Exchanges[0].Reply.ToArray());
        Assert.Equal(ExchangeOutcome.Ok, recording.Exchanges[0].Outcome);
        Assert.Equal(ExchangeOutcome.Timeout, recording.Exchanges[1].Outcome);
        Assert.Equal("ohm", recording.Exchanges[1].Device);
    }

    [Fact]
    public async Task Session_OverRealPseudoTerminal_QueriesAndReconnects()
    {
        await using var pty = PseudoTerminal.Open();
        await using var peer = new ScpiResponder(pty.Master, q => q == "MEAS:RES?" ? "+1.23456E-03\n" : null);
        var channel = new UnixTtyChannel(pty.SlavePath, new SerialSettings());
        await using var session = new ScpiSession(channel, Options(1000));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("+1.23456E-03", await session.QueryAsync("MEAS:RES?", CancellationToken.None));
        }
    }
}
