using System.Diagnostics;
using System.Globalization;
using CableTest.Contracts.V1;
using CableTest.Storage.Runs;
using CableTest.Testing;
using Google.Protobuf;

namespace CableTest.Service.Tests.Grpc;

/// <summary>
/// Flow control at the frame level: many ListVerdicts pages larger than a stream window on ONE HTTP/2 connection, the
/// client reading slowly and granting credit late (after a stream's trailers, as SocketsHttpHandler does); every
/// stream must end. A stream that gets nothing while the others are answered is a lost response. (Written while
/// hunting the benchmark's hang; that turned out to be Kestrel's stale "scheduled" mark on a reused stream, which
/// these loads never met: <see cref="StaleHttp2ScheduleTests"/>.)
/// </summary>
public sealed class LostResponseTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int Samples = 7;
    private readonly TempDirectory data = new("cabletest-lost");
    private InProcessService service = null!;

    public async Task InitializeAsync()
    {
        var store = new SqliteRunStore(Path.Combine(data.Path, "cabletest.db"), TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        await VerdictSeeds.AppendAsync(store, 1, Samples * 60, Samples);
        store.ReleaseConnections();
        service = await InProcessService.StartAsync(false, "--DataDirectory", data.Path);
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        data.Dispose();
    }

    [Theory]
    [InlineData("late-credit", 65_535u, 32, 0)]
    [InlineData("open-windows-slow-reader", 0x7FFF_FFFFu, 32, 1)]
    [InlineData("open-windows-stalled-reader", 0x7FFF_FFFFu, 64, 150)]
    public async Task PagesBeyondTheWindow_OneConnection_EveryStreamEnds(string mode, uint streamWindow, int inFlight, int pauseMs)
    {
        var calls = int.TryParse(Environment.GetEnvironmentVariable("CABLETEST_LOST_CALLS"), CultureInfo.InvariantCulture, out var n) ? n : 500;
        await using var h2 = await RawH2Client.ConnectAsync(service.Port, 4096, streamWindow);
        if (streamWindow > 65_535)
        {
            await h2.GrantAsync(0, 0x7FFF_FFFF - 65_535);
        }

        var sent = new List<int>();
        var pendingGrants = new List<(int Stream, int Bytes)>();
        async Task SendAsync(int i) => sent.Add(await h2.SendUnaryAsync("/cabletest.v1.VerdictService/ListVerdicts", InProcessService.LimsKey,
            new ListVerdictsRequest { PageSize = 60, SampleId = $"S-{i % Samples}" }.ToByteArray()));

        for (var i = 0; i < inFlight; i++)
        {
            await SendAsync(i);
        }

        var watch = Stopwatch.StartNew();
        var frames = 0;
        while (h2.Ended.Count < calls)
        {
            using var idle = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            (byte Type, byte Flags, int StreamId, int Length)? frame;
            try
            {
                frame = await h2.ReadFrameAsync(idle.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (frame is not { } f)
            {
                break;
            }

            frames++;
            if (f.Type == 0 && f.Length > 0 && streamWindow <= 65_535)
            {
                // Credit as a reading client gives it: the connection at once, the stream in batches (some after its trailers).
                await h2.GrantAsync(0, f.Length);
                pendingGrants.Add((f.StreamId, f.Length));
                if (pendingGrants.Count >= 3)
                {
                    foreach (var (stream, bytes) in pendingGrants)
                    {
                        await h2.GrantAsync(stream, bytes);
                    }

                    pendingGrants.Clear();
                }
            }
            else if (pauseMs > 0 && frames % (pauseMs > 1 ? 256 : 8) == 0)
            {
                // Not reading: the server's writes back up while its handlers complete.
                await Task.Delay(pauseMs);
            }

            if ((f.Flags & 1) != 0 && sent.Count < calls)
            {
                await SendAsync(sent.Count);
            }
        }

        var lost = sent.Where(id => !h2.Ended.Contains(id)).ToList();
        output.WriteLine($"{mode}: {h2.Ended.Count} of {sent.Count} streams ended in {watch.Elapsed.TotalSeconds:F1} s, {frames} frames; "
            + $"unanswered: {string.Join(", ", lost.Select(id => $"{id} ({h2.DataBytes.GetValueOrDefault(id)} B)"))}");
        Assert.Empty(lost);
    }
}
