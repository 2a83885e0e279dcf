using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Influx;
using CableTest.Storage.Outbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Benchmarks.Storage;

/// <summary>
/// End-to-end write throughput into a running InfluxDB, the same points as ../shared/peers/influx_post.py
/// (which posts pre-encoded bodies). Modes: "direct" encodes and posts batches with our writer and
/// client; "outbox" journals every batch durably (fsync) and delivers it through the forwarder.
/// Prints points=N seconds=S pps=P like the peer.
/// </summary>
internal static class InfluxEndToEnd
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: influx-e2e URL POINTS BATCH direct|outbox [v1|v2] [--gzip]");
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
        };
        using var http = new HttpClient();
        var client = new InfluxWriteClient(http, options);
        // A service is warm: one untimed batch JITs the path and opens the connection.
        await client.WriteAsync([System.Text.Encoding.UTF8.GetBytes("warmup v=1i 1")], WritePrecision.Ns, default);
        Stopwatch sw;
        if (mode == "direct")
        {
            // Like the peer, the points are encoded before the clock starts (in the product they are
            // encoded when taken and sit in the journal); timed: our client posting them.
            var batches = new List<List<ReadOnlyMemory<byte>>>();
            for (var start = 0; start < points; start += batch)
            {
                batches.Add(Encode(start, Math.Min(points, start + batch)));
            }

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
            // Timed: encoding, durable journal appends (fsync per batch) and delivery through the forwarder.
            sw = Stopwatch.StartNew();
            var dir = Path.Combine(Path.GetTempPath(), "cabletest-bench-outbox-" + Guid.NewGuid().ToString("N"));
            await using var outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir, MaxBytes = 8L << 30, SegmentBytes = 64 << 20 },
                [InfluxForwarder.ConsumerName], TimeProvider.System, NullLogger.Instance);
            var forwarder = new InfluxForwarder(outbox, client, options, TimeProvider.System, NullLogger<InfluxForwarder>.Instance);
            var delivering = Task.Run(async () =>
            {
                while (outbox.GetStatus().ConsumerPositions[InfluxForwarder.ConsumerName] < points)
                {
                    await forwarder.ForwardOnceAsync(default);
                }
            });
            for (var start = 0; start < points; start += batch)
            {
                await outbox.AppendBatchAsync(Encode(start, Math.Min(points, start + batch)), WritePrecision.Ns, default);
            }

            await delivering;
            forwarder.Dispose();
            Directory.Delete(dir, recursive: true);
        }

        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"points={points} seconds={seconds:F3} pps={points / seconds:F0}"));
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
