using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
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
        // A running service opened its outbox once, at start: the outbox mode warms up and times the same one.
        await using var outbox = mode == "outbox" ? OutboxPath.Open(client, options) : null;
        await WarmUpAsync(client, options, mode, batch, outbox);
        if (mode == "phases")
        {
            return await PhasesAsync(client, options, points, batch);
        }

        if (mode == "takes")
        {
            return await TakesAsync(client, options, points, args.Length > 5 && int.TryParse(args[5], CultureInfo.InvariantCulture, out var t) ? t : 32);
        }

        // Like the peer, the points are encoded before the clock starts (in the product each reading is
        // encoded when it is taken, by the instrument's task).
        var batches = EncodeBatches("conductor_resistance", points, batch);
        if (Environment.GetEnvironmentVariable("CABLETEST_BENCH_SETTLE_MS") is { } settle)
        {
            // The server finishes with what the warm-up wrote (VictoriaMetrics merges parts in the background) before
            // the clock starts, as run.sh gives the peer the same pause after whichever writer ran before it.
            await Task.Delay(int.Parse(settle, CultureInfo.InvariantCulture));
        }

        if (Environment.GetEnvironmentVariable("CABLETEST_BENCH_PAUSE_MS") is { } pause)
        {
            // For a profiler attached to the timed part alone (perf record -p, dotnet-trace): say so and wait.
            Console.Error.WriteLine("timed part starts after the pause");
            await Task.Delay(int.Parse(pause, CultureInfo.InvariantCulture));
        }

        var faults = MinorFaults();
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var (seconds, cpu) = await TimedAsync(client, batches, points, outbox);
        if (seconds < 0)
        {
            return 1;
        }

        faults = MinorFaults() - faults;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"points={points} seconds={seconds:F3} pps={points / seconds:F0} cpu_s={cpu.TotalSeconds:F3} page_faults={faults} gcs={GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} gc_pause_ms={(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0}"));
        return 0;
    }

    /// <summary>
    /// The timed part: without an outbox ("direct") posts the batches with our writer, one after the other; with one, appends
    /// them durably (write + fdatasync per batch; a batch is taken only once on disk) to
    /// <paramref name="outbox"/> while its forwarder delivers them, until the server acknowledged the last
    /// point. Returns wall seconds (negative when a write failed) and the process's CPU time over the same span.
    /// </summary>
    private static async Task<(double Seconds, TimeSpan Cpu)> TimedAsync(IInfluxWriter client, List<List<ReadOnlyMemory<byte>>> batches, int points, OutboxPath? outbox)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var sw = Stopwatch.StartNew();
        if (outbox is null)
        {
            foreach (var lines in batches)
            {
                var outcome = await client.WriteAsync(lines, WritePrecision.Ns, default);
                if (outcome.Kind != WriteOutcomeKind.Delivered)
                {
                    Console.Error.WriteLine($"write failed: {outcome}");
                    return (-1, default);
                }
            }

            sw.Stop();
            return (sw.Elapsed.TotalSeconds, Environment.CpuUsage.TotalTime - cpu);
        }

        var target = outbox.Outbox.GetStatus().LastSequence + points;
        var delivering = Task.Run(async () =>
        {
            while (outbox.Outbox.GetStatus().ConsumerPositions[InfluxForwarder.ConsumerName] < target)
            {
                await outbox.Forwarder.ForwardOnceAsync(default);
            }
        });
        foreach (var lines in batches)
        {
            await outbox.Outbox.AppendBatchAsync(lines, WritePrecision.Ns, default);
        }

        await delivering;
        sw.Stop();
        return (sw.Elapsed.TotalSeconds, Environment.CpuUsage.TotalTime - cpu);
    }

    /// <summary>The durable outbox and its forwarder to the server, in a temp directory deleted afterwards (phases and takes use the outbox alone).</summary>
    private sealed class OutboxPath : IAsyncDisposable
    {
        private readonly string dir;

        private OutboxPath(string dir, DurableOutbox outbox, InfluxForwarder forwarder) => (this.dir, Outbox, Forwarder) = (dir, outbox, forwarder);

        public DurableOutbox Outbox { get; }

        public InfluxForwarder Forwarder { get; }

        public static OutboxPath Open(IInfluxWriter client, InfluxOptions options)
        {
            var dir = Path.Combine(Path.GetTempPath(), "cabletest-bench-outbox-" + Guid.NewGuid().ToString("N"));
            var outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir, MaxBytes = 8L << 30, SegmentBytes = 64 << 20 },
                [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
            return new OutboxPath(dir, outbox, new InfluxForwarder(outbox, client, options, TimeProvider.System, NullLogger<InfluxForwarder>.Instance));
        }

        public async ValueTask DisposeAsync()
        {
            Forwarder.Dispose();
            await Outbox.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// A service is warm: untimed, the timed part itself runs on points of another measurement, in
    /// rounds of 32 small batches and of four full-size batches by turns, with pauses between them,
    /// until a round and its pause compile (almost) nothing new (<see cref="JitInfo.GetCompiledMethodCount"/>).
    /// The JIT counts calls only after a quiet moment, compiles a method with PGO after a few dozen calls
    /// and fully after a few dozen more, and replaces a long loop on the stack (OSR) only once it ran long
    /// at a lower tier. The earlier warm-up (five rounds of small batches appended and delivered one at a
    /// time) left the path's loops at the instrumented tier: in the timed part the JIT compiled them
    /// again, about half the outbox's CPU time there (DOTNET_TieredPGO=0 halved it; perf map tiers).
    /// The connection is open afterwards, and in outbox mode the outbox the timed part appends to has been
    /// written and delivered through (its buffers grown, its segment open), as a running service's has.
    /// </summary>
    private static async Task WarmUpAsync(IInfluxWriter client, InfluxOptions options, string mode, int batch, OutboxPath? outbox)
    {
        // phases and takes use an outbox of their own: warm the path on a throwaway one.
        await using var throwaway = outbox is null && mode != "direct" ? OutboxPath.Open(client, options) : null;
        outbox ??= throwaway;
        var small = EncodeBatches("warmup", 32 * 100, 100);
        var full = EncodeBatches("warmup", 4 * batch, batch);
        var compiledPerRound = new List<long>();
        var quietRounds = 0;
        while (compiledPerRound.Count < 40 && quietRounds < 2)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            var batches = compiledPerRound.Count % 2 == 0 ? small : full;
            if (await TimedAsync(client, batches, batches.Sum(b => b.Count), outbox) is { Seconds: < 0 })
            {
                throw new InvalidOperationException("the warm-up could not write");
            }

            // Let the JIT's background compilation catch up before the next round and the clock.
            await Task.Delay(250);
            compiledPerRound.Add(JitInfo.GetCompiledMethodCount() - compiled);
            quietRounds = compiledPerRound[^1] <= 4 ? quietRounds + 1 : 0;
        }

        Console.Error.WriteLine($"warm-up: {compiledPerRound.Count} rounds, methods compiled per round: {string.Join(' ', compiledPerRound)}");
    }

    /// <summary>
    /// The process's minor page faults so far (/proc/self/stat, field 10; -1 where there is none): each is a page the
    /// kernel hands over zeroed, the cost of writing into memory the process had not touched (or gave back).
    /// </summary>
    private static long MinorFaults()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[7], CultureInfo.InvariantCulture); // field 10 counted from 1, the first two before ')'
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>
    /// Where the outbox path spends its time, phase by phase and one after the other (no overlap):
    /// encoding, durable appends (fsync per batch), then per delivered batch: journal read, HTTP post,
    /// durable cursor commit.
    /// </summary>
    private static async Task<int> PhasesAsync(IInfluxWriter client, InfluxOptions options, int points, int batch)
    {
        await using var path = OutboxPath.Open(client, options);
        var outbox = path.Outbox;
        var sw = Stopwatch.StartNew();
        var batches = EncodeBatches("conductor_resistance", points, batch);
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

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"points={points} encode_s={encode.TotalSeconds:F3} append_fsync_s={append.TotalSeconds:F3} (cpu {appendCpu.TotalSeconds:F3}) read_s={read.TotalSeconds:F3} (cpu {readCpu.TotalSeconds:F3}) post_s={post.TotalSeconds:F3} commit_s={commit.TotalSeconds:F3}"));
        return 0;
    }

    /// <summary>
    /// Single-reading takes from <paramref name="takers"/> concurrent tasks (as instruments take them),
    /// each returning only once its reading is fsync'd; concurrent takes share a group commit. No
    /// delivery: this is the journal's side alone. Prints takes/s and the fsyncs they needed.
    /// </summary>
    private static async Task<int> TakesAsync(IInfluxWriter client, InfluxOptions options, int points, int takers)
    {
        await using var path = OutboxPath.Open(client, options);
        var outbox = path.Outbox;
        var lines = Encode("conductor_resistance", 0, points);
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"points={points} takers={takers} seconds={seconds:F3} pps={points / seconds:F0}"));
        return 0;
    }

    private static List<List<ReadOnlyMemory<byte>>> EncodeBatches(string measurement, int points, int batch)
    {
        var batches = new List<List<ReadOnlyMemory<byte>>>();
        for (var start = 0; start < points; start += batch)
        {
            batches.Add(Encode(measurement, start, Math.Min(points, start + batch)));
        }

        return batches;
    }

    /// <summary>
    /// The peer's points (under <paramref name="measurement"/>), encoded with our writer and laid out as the peer's are:
    /// one array per batch holding exactly its body (each line followed by '\n'), sliced per line. A batch so laid out
    /// is posted as it is (<c>LineProtocolBody</c>), as a batch of one group commit is from the outbox's tail; lines
    /// scattered over other memory would be joined into a new array first, a copy the peer's pre-built bodies never make.
    /// </summary>
    private static List<ReadOnlyMemory<byte>> Encode(string measurement, int from, int to)
    {
        var buffer = new ArrayBufferWriter<byte>((to - from) * 96);
        var writer = new LineProtocolWriter(buffer);
        var ends = new int[to - from];
        Span<char> core = stackalloc char[1];
        for (var i = from; i < to; i++)
        {
            core[0] = (char)('0' + (i % 4));
            writer.Measurement(measurement)
                .Tag("bench", "b1").Tag("core", core).Tag("sample", "S" + (i / 1000).ToString(CultureInfo.InvariantCulture))
                .Field("ohm", Math.Round(0.001 + (i * 1e-9), 9)).Field("temp_c", Math.Round(20 + (i % 50 / 10.0), 2))
                .EndPoint(1_700_000_000_000_000_000L + (i * 1000L));
            ends[i - from] = buffer.WrittenCount;
        }

        var body = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(body);
        body[^1] = (byte)'\n';
        var memory = body.AsMemory();
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
