using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Influx;
using CableTest.Storage.Outbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Benchmarks.Storage;

/// <summary>
/// End-to-end write throughput into a running InfluxDB or VictoriaMetrics, the same points as
/// ../shared/peers/influx_post.py, encoded before the clock starts as the peer's are. Modes: "direct"
/// posts batches with our writer (v1: InfluxWriteClient; v2: InfluxDB.Client via InfluxClientWriter);
/// "outbox" journals every batch durably (write + fsync) and delivers it through the forwarder, timed
/// until the server acknowledged the last point; "phases" runs the outbox path's steps one after the
/// other and prints the time of each; "takes" measures concurrent single-reading durable takes.
/// Prints points=N seconds=S pps=P like the peer.
/// </summary>
internal static class InfluxEndToEnd
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: influx-e2e URL POINTS BATCH direct|outbox|phases|takes [v1|v2] [TAKERS] [--gzip] [--http] [--inflight=N]");
            return 2;
        }

        var url = args[0];
        var points = int.Parse(args[1], CultureInfo.InvariantCulture);
        var batch = int.Parse(args[2], CultureInfo.InvariantCulture);
        var mode = args[3];
        var api = args.Length > 4 && args[4] == "v2" ? InfluxApi.V2 : InfluxApi.V1;
        var options = new InfluxOptions
        {
            Url = url, Api = api, Database = "cabletest", Org = "lab", Bucket = "cabletest",
            BatchSize = batch, Gzip = args.Contains("--gzip"), FlushInterval = TimeSpan.FromMilliseconds(1),
            MaxBatchBytes = 64 << 20,
            MaxInFlight = args.FirstOrDefault(a => a.StartsWith("--inflight=", StringComparison.Ordinal)) is { } n ? int.Parse(n["--inflight=".Length..], CultureInfo.InvariantCulture) : new InfluxOptions().MaxInFlight,
        };
        using var http = new HttpClient();
        // v1: our own client; v2: InfluxDB.Client's immediate write API, as the service uses them
        // (--http: our own client on the v2 API too, to see what InfluxDB.Client itself costs).
        using var clientWriter = api == InfluxApi.V2 && !args.Contains("--http") ? new InfluxClientWriter(options) : null;
        IInfluxWriter client = clientWriter is not null ? clientWriter : new InfluxWriteClient(http, options);
        await WarmUpAsync(client, options, mode);
        if (mode == "phases")
        {
            return await PhasesAsync(client, points, batch);
        }

        if (mode == "takes")
        {
            return await TakesAsync(points, args.Length > 5 && int.TryParse(args[5], CultureInfo.InvariantCulture, out var t) ? t : 32);
        }

        // Like the peer, the points are encoded before the clock starts (in the product each reading is
        // encoded when it is taken, by the instrument's task).
        var batches = new List<List<ReadOnlyMemory<byte>>>();
        for (var start = 0; start < points; start += batch)
        {
            batches.Add(Encode(start, Math.Min(points, start + batch)));
        }

        Stopwatch sw;
        TimeSpan cpu;
        if (mode == "direct")
        {
            // Timed: our writer posting them, one batch after the other.
            cpu = Environment.CpuUsage.TotalTime;
            sw = Stopwatch.StartNew();
            foreach (var lines in batches)
            {
                var outcome = await client.WriteAsync(lines, WritePrecision.Ns, default);
                if (outcome.Kind != WriteOutcomeKind.Delivered)
                {
                    Console.Error.WriteLine($"write failed: {outcome}");
                    return 1;
                }
            }
        }
        else
        {
            // Timed: from the first durable journal append (write + fsync per batch; a batch is taken
            // only once on disk) until the server acknowledged the last point through the forwarder.
            var dir = Path.Combine(Path.GetTempPath(), "cabletest-bench-outbox-" + Guid.NewGuid().ToString("N"));
            var outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir, MaxBytes = 8L << 30, SegmentBytes = 64 << 20 },
                [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
            var forwarder = new InfluxForwarder(outbox, client, options, TimeProvider.System, NullLogger<InfluxForwarder>.Instance);
            cpu = Environment.CpuUsage.TotalTime;
            sw = Stopwatch.StartNew();
            var delivering = Task.Run(async () =>
            {
                while (outbox.GetStatus().ConsumerPositions[InfluxForwarder.ConsumerName] < points)
                {
                    await forwarder.ForwardOnceAsync(default);
                }
            });
            foreach (var lines in batches)
            {
                await outbox.AppendBatchAsync(lines, WritePrecision.Ns, default);
            }

            await delivering;
            sw.Stop();
            cpu = Environment.CpuUsage.TotalTime - cpu;
            forwarder.Dispose();
            await outbox.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }

        var seconds = sw.Elapsed.TotalSeconds;
        cpu = mode == "direct" ? Environment.CpuUsage.TotalTime - cpu : cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"points={points} seconds={seconds:F3} pps={points / seconds:F0} cpu_s={cpu.TotalSeconds:F3}"));
        return 0;
    }

    /// <summary>
    /// A service is warm: untimed, the path about to be measured runs on small batches of another
    /// measurement, in five rounds of 32 with pauses between them: the JIT counts calls only after a
    /// quiet moment and compiles a method fully after a few dozen calls (tiered compilation, with PGO
    /// a stage more), so one round left most of the path at its first, quick tier (seen with perf).
    /// The connection is open afterwards.
    /// </summary>
    private static async Task WarmUpAsync(IInfluxWriter client, InfluxOptions options, string mode)
    {
        var lines = Enumerable.Range(0, 100)
            .Select(i => (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"warmup,core={i % 4} v={i}i {1_700_000_000_000_000_000L + i}")))
            .ToList();
        var dir = Path.Combine(Path.GetTempPath(), "cabletest-bench-warmup-" + Guid.NewGuid().ToString("N"));
        var outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir }, [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
        using (var forwarder = new InfluxForwarder(outbox, client, options, TimeProvider.System, NullLogger<InfluxForwarder>.Instance))
        {
            for (var round = 0; round < 5; round++)
            {
                for (var i = 0; i < 32; i++)
                {
                    if (mode == "direct")
                    {
                        await client.WriteAsync(lines, WritePrecision.Ns, default);
                        continue;
                    }

                    await outbox.AppendBatchAsync(lines, WritePrecision.Ns, default);
                    while (outbox.GetStatus().ConsumerPositions[InfluxForwarder.ConsumerName] < outbox.LastSequence)
                    {
                        await forwarder.ForwardOnceAsync(default);
                    }
                }

                // Let the JIT's background compilation catch up before the next round and the clock.
                await Task.Delay(250);
            }
        }

        await outbox.DisposeAsync();
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>
    /// Where the outbox path spends its time, phase by phase and one after the other (no overlap):
    /// encoding, durable appends (fsync per batch), then per delivered batch: journal read, HTTP post,
    /// durable cursor commit.
    /// </summary>
    private static async Task<int> PhasesAsync(IInfluxWriter client, int points, int batch)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cabletest-bench-outbox-" + Guid.NewGuid().ToString("N"));
        var outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir, MaxBytes = 8L << 30, SegmentBytes = 64 << 20 },
            [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
        var sw = Stopwatch.StartNew();
        var batches = new List<List<ReadOnlyMemory<byte>>>();
        for (var start = 0; start < points; start += batch)
        {
            batches.Add(Encode(start, Math.Min(points, start + batch)));
        }

        var encode = sw.Elapsed;
        sw.Restart();
        var cpu = Environment.CpuUsage.TotalTime;
        foreach (var lines in batches)
        {
            await outbox.AppendBatchAsync(lines, WritePrecision.Ns, default);
        }

        var append = sw.Elapsed;
        var appendCpu = Environment.CpuUsage.TotalTime - cpu;
        cpu = Environment.CpuUsage.TotalTime;
        var readCpu = TimeSpan.Zero;
        TimeSpan read = default, post = default, commit = default;
        var delivered = 0;
        while (delivered < points)
        {
            sw.Restart();
            var records = outbox.Read(InfluxForwarder.ConsumerName, batch, 64 << 20);
            var lines = records.Select(r => r.Payload).ToList();
            read += sw.Elapsed;
            readCpu += Environment.CpuUsage.TotalTime - cpu;
            sw.Restart();
            var outcome = await client.WriteAsync(lines, WritePrecision.Ns, default);
            post += sw.Elapsed;
            if (outcome.Kind != WriteOutcomeKind.Delivered)
            {
                Console.Error.WriteLine($"write failed: {outcome}");
                return 1;
            }

            sw.Restart();
            outbox.Commit(InfluxForwarder.ConsumerName, records[^1].Sequence, records.Count);
            commit += sw.Elapsed;
            cpu = Environment.CpuUsage.TotalTime;
            delivered += records.Count;
        }

        await outbox.DisposeAsync();
        Directory.Delete(dir, recursive: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"points={points} encode_s={encode.TotalSeconds:F3} append_fsync_s={append.TotalSeconds:F3} (cpu {appendCpu.TotalSeconds:F3}) read_s={read.TotalSeconds:F3} (cpu {readCpu.TotalSeconds:F3}) post_s={post.TotalSeconds:F3} commit_s={commit.TotalSeconds:F3}"));
        return 0;
    }

    /// <summary>
    /// Single-reading takes from <paramref name="takers"/> concurrent tasks (as instruments take them),
    /// each returning only once its reading is fsync'd; concurrent takes share a group commit. No
    /// delivery: this is the journal's side alone. Prints takes/s and the fsyncs they needed.
    /// </summary>
    private static async Task<int> TakesAsync(int points, int takers)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cabletest-bench-outbox-" + Guid.NewGuid().ToString("N"));
        var outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir, MaxBytes = 8L << 30, SegmentBytes = 64 << 20 },
            [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
        var lines = Encode(0, points);
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, takers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < points)
            {
                await outbox.AppendAsync(lines[i], WritePrecision.Ns, default);
            }
        })));
        var seconds = sw.Elapsed.TotalSeconds;
        await outbox.DisposeAsync();
        Directory.Delete(dir, recursive: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"points={points} takers={takers} seconds={seconds:F3} pps={points / seconds:F0}"));
        return 0;
    }

    /// <summary>The peer's points, encoded with our writer into one buffer, sliced per line.</summary>
    private static List<ReadOnlyMemory<byte>> Encode(int from, int to)
    {
        var buffer = new ArrayBufferWriter<byte>((to - from) * 96);
        var writer = new LineProtocolWriter(buffer);
        var ends = new int[to - from];
        Span<char> core = stackalloc char[1];
        for (var i = from; i < to; i++)
        {
            core[0] = (char)('0' + (i % 4));
            writer.Measurement("conductor_resistance")
                .Tag("bench", "b1").Tag("core", core).Tag("sample", "S" + (i / 1000).ToString(CultureInfo.InvariantCulture))
                .Field("ohm", Math.Round(0.001 + (i * 1e-9), 9)).Field("temp_c", Math.Round(20 + (i % 50 / 10.0), 2))
                .EndPoint(1_700_000_000_000_000_000L + (i * 1000L));
            ends[i - from] = buffer.WrittenCount;
        }

        var memory = buffer.WrittenMemory;
        var lines = new List<ReadOnlyMemory<byte>>(to - from);
        var begin = 0;
        foreach (var end in ends)
        {
            lines.Add(memory[begin..end]);
            begin = end + 1; // the writer puts '\n' between points
        }

        return lines;
    }
}
