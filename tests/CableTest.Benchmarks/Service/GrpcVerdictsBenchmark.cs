using System.Diagnostics;
using System.Globalization;
using CableTest.Contracts.V1;
using CableTest.Domain.Verdicts;
using CableTest.Service.Grpc;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Storage.Runs;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using DomainConductor = CableTest.Domain.Standards.ConductorSpec;
using DomainInput = CableTest.Domain.Verdicts.ConductorResistanceInput;

namespace CableTest.Benchmarks.Service;

/// <summary>
/// Unary throughput and latency of the real service process over loopback h2c: GetVerdict (by run
/// id, random), ListVerdicts (page of 50 with full evidence) and, as the ceiling, grpc.health Check on
/// the "liveness" service (no check body: the cost of the pipeline, auth and framing alone). One
/// HTTP/2 connection, 1/8/64 concurrent callers, each for a fixed time; client and service share
/// the machine. Prints a Markdown table and each call's rate as a ratio to the empty call's.
/// Every call has a deadline (default 20 s): a call that outlives it is a hang, counted, reported
/// with its cell and the service's state, and the benchmark exits 1 (it never waits forever).
/// Arguments: verdicts, seconds per cell, deadline in s, calls (health,get,list), callers (1,8,64), rounds (3): every
/// selected cell is measured once per round, and each ratio is the median of the rounds' ratios.
/// With GetVerdict selected, every verdict is first read once; each selected call is then warmed up for 3 s with 8
/// callers (JIT tiering), then each cell for 1 s.
/// </summary>
internal static class GrpcVerdictsBenchmark
{
    private const string ApiKey = "bench-lims-key-0123456789";

    public static async Task<int> RunAsync(string[] args)
    {
        var verdicts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var duration = TimeSpan.FromSeconds(seconds);
        var deadline = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 20);
        var rounds = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 3;
        string[] keys = ["health", "get", "list"];
        var selected = args.Length > 3 ? args[3].Split(',', StringSplitOptions.RemoveEmptyEntries) : keys;
        int[] callers = args.Length > 4 ? [.. args[4].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))] : [1, 8, 64];
        var data = Path.Combine(Path.GetTempPath(), $"cabletest-grpc-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        try
        {
            var seedWatch = Stopwatch.StartNew();
            await SeedAsync(Path.Combine(data, "cabletest.db"), verdicts);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {verdicts} verdicts in {seedWatch.Elapsed.TotalSeconds:F1} s"));

            var port = ServiceProcess.FreePort();
            using var service = ServiceProcess.Start(data, port,
                "--Auth:AllowAnonymousLoopback=false", "--Auth:ApiKeys:0:Name=bench", $"--Auth:ApiKeys:0:Secret={ApiKey}", "--Auth:ApiKeys:0:Roles:0=lims");
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var health = new Health.HealthClient(channel);
            var client = new VerdictService.VerdictServiceClient(channel);
            var headers = new Metadata { { "x-api-key", ApiKey } };
            await ServiceProcess.WaitUntilServingAsync(health, service);

            DateTime Due() => TimeProvider.System.GetUtcNow().UtcDateTime + deadline;
            Func<int, Task>[] operations =
            [
                _ => health.CheckAsync(new HealthCheckRequest { Service = "liveness" }, headers, Due()).ResponseAsync,
                i => client.GetVerdictAsync(new GetVerdictRequest { RunId = RunId(1 + (i % verdicts)) }, headers, Due()).ResponseAsync,
                i => client.ListVerdictsAsync(new ListVerdictsRequest { PageSize = 50, SampleId = $"S-{i % 7}" }, headers, Due()).ResponseAsync,
            ];
            string[] names = ["health Check (ceiling)", "GetVerdict", "ListVerdicts (50/page)"];

            // Steady state, as a service that has run for a while: every verdict read once, so the verdict cache holds what
            // it can of them however slowly a loaded machine gets through the timed warm-ups.
            if (selected.Contains("get"))
            {
                var readOnce = Stopwatch.StartNew();
                await Parallel.ForAsync(1, verdicts + 1, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                    async (n, ct) => await client.GetVerdictAsync(new GetVerdictRequest { RunId = RunId(n) }, headers, Due(), ct));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read each of the {verdicts} verdicts once in {readOnce.Elapsed.TotalSeconds:F1} s"));
            }

            Console.WriteLine("load average before: " + ServiceProcess.LoadAverage());
            Console.WriteLine();
            Console.WriteLine("| round | call | clients | calls/s | p50 ms | p99 ms | service CPU µs/call | client CPU µs/call |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|");
            var rates = new double[rounds, operations.Length, callers.Length];
            var cpu = new double[rounds, operations.Length, callers.Length];
            var failures = new List<string>();

            // Steady state, as a service that has run for a while: every call's code path compiled at its final tier first.
            foreach (var op in Enumerable.Range(0, operations.Length).Where(o => selected.Contains(keys[o])))
            {
                var warm = await MeasureAsync(operations[op], 8, TimeSpan.FromSeconds(3), deadline);
                if (warm.Hung > 0 || warm.Failed > 0)
                {
                    failures.Add($"{names[op]}, warm-up: {warm.Hung} hung, {warm.Failed} failed ({warm.FirstError})");
                }
            }

            // Rounds of every selected cell one after the other: a call's ratio to the empty call is taken within a
            // round (cells seconds apart), where the machine's speed has had least time to change.
            for (var r = 0; r < rounds; r++)
            {
                for (var op = 0; op < operations.Length; op++)
                {
                    if (!selected.Contains(keys[op]))
                    {
                        continue;
                    }

                    for (var c = 0; c < callers.Length; c++)
                    {
                        var warm = await MeasureAsync(operations[op], callers[c], TimeSpan.FromSeconds(1), deadline);
                        var (serviceBefore, clientBefore) = (CpuTime(service), CpuTime(Process.GetCurrentProcess()));
                        var cell = await MeasureAsync(operations[op], callers[c], duration, deadline);
                        var calls = cell.Rate * cell.Seconds;
                        var serviceCpu = (CpuTime(service) - serviceBefore).TotalMicroseconds / calls;
                        var clientCpu = (CpuTime(Process.GetCurrentProcess()) - clientBefore).TotalMicroseconds / calls;
                        rates[r, op, c] = cell.Rate;
                        cpu[r, op, c] = serviceCpu + clientCpu;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"| {r + 1} | {names[op]} | {callers[c]} | {cell.Rate:F0} | {cell.P50:F2} | {cell.P99:F2} | {serviceCpu:F0} | {clientCpu:F0} |"));
                        foreach (var (what, result) in new[] { ("warm-up", warm), ("measured", cell) })
                        {
                            if (result.Hung > 0 || result.Failed > 0)
                            {
                                failures.Add(string.Create(CultureInfo.InvariantCulture,
                                    $"{names[op]}, {callers[c]} callers, round {r + 1} ({what}): {result.Hung} call(s) hung past the {deadline.TotalSeconds:F0} s deadline, {result.Failed} failed ({result.FirstError})"));
                            }
                        }
                    }
                }
            }

            var compared = Enumerable.Range(1, operations.Length - 1).Where(o => selected.Contains(keys[0]) && selected.Contains(keys[o])).ToList();
            PrintRatios("call / empty call", names, compared, callers, rounds, (r, op, c) => rates[r, op, c] / rates[r, 0, c]);

            // Throughput moves with whatever else the machine runs; the CPU both processes spend on a call
            // does much less. On cores given to the benchmark alone, calls/s is cores / CPU per call, so the
            // inverse ratio of CPU per call is the throughput ratio a quiet machine would show.
            PrintRatios("empty call CPU / call CPU (service + client)", names, compared, callers, rounds, (r, op, c) => cpu[r, 0, c] / cpu[r, op, c]);

            Console.WriteLine();
            Console.WriteLine("load average after: " + ServiceProcess.LoadAverage());
            service.Kill(entireProcessTree: true);
            foreach (var failure in failures)
            {
                Console.WriteLine("FAILED: " + failure);
            }

            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Each compared call's ratio per round and their median (the figure to quote: one slow second moves it least).</summary>
    private static void PrintRatios(string title, string[] names, List<int> compared, int[] callers, int rounds, Func<int, int, int, double> ratio)
    {
        Console.WriteLine();
        Console.WriteLine($"| {title}, median of the rounds | " + string.Join(" | ", callers.Select(c => $"{c} callers")) + " | per round |");
        Console.WriteLine("|---|" + string.Concat(callers.Select(_ => "---:|")) + "---|");
        foreach (var op in compared)
        {
            var medians = callers.Select((_, c) => Median(Enumerable.Range(0, rounds).Select(r => ratio(r, op, c))));
            var perRound = callers.Select((_, c) => string.Join(" ", Enumerable.Range(0, rounds).Select(r => ratio(r, op, c).ToString("F2", CultureInfo.InvariantCulture))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {names[op]} | {string.Join(" | ", medians.Select(m => m.ToString("F2", CultureInfo.InvariantCulture) + "x"))} | {string.Join("; ", perRound)} |"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Cell(double Rate, double Seconds, double P50, double P99, int Hung, int Failed, string FirstError);

    private static TimeSpan CpuTime(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// Each caller repeats the call until <paramref name="duration"/> is over. A call past its deadline
    /// (DEADLINE_EXCEEDED) or failing otherwise is counted, not awaited forever, so one stuck call
    /// cannot stall the cell.
    /// </summary>
    private static async Task<Cell> MeasureAsync(Func<int, Task> call, int clients, TimeSpan duration, TimeSpan deadline)
    {
        var latencies = new List<double>[clients];
        var hung = 0;
        var failed = 0;
        string? firstError = null;
        var started = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(100_000);
            var i = w * 7919;
            while (started.Elapsed < duration)
            {
                var t = Stopwatch.GetTimestamp();
                try
                {
                    await call(i++);
                    mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
                catch (RpcException e)
                {
                    Interlocked.Increment(ref e.StatusCode == StatusCode.DeadlineExceeded ? ref hung : ref failed);
                    Interlocked.CompareExchange(ref firstError, $"{e.StatusCode}: {e.Status.Detail}", null);
                }
            }
        })).ToArray();

        // The client enforces each deadline itself; this guards the guard (a client that stops
        // completing calls at all) and still ends the cell.
        var all = Task.WhenAll(workers);
        if (await Task.WhenAny(all, Task.Delay(duration + deadline + TimeSpan.FromSeconds(30))) != all)
        {
            return new Cell(double.NaN, double.NaN, double.NaN, double.NaN, workers.Count(w => !w.IsCompleted), failed, "workers still waiting after every deadline passed: the client itself hangs");
        }

        var elapsed = started.Elapsed.TotalSeconds;
        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        return new Cell(sorted.Length / elapsed, elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99), hung, failed, firstError ?? "");
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static async Task SeedAsync(string dbPath, int count)
    {
        var store = new SqliteRunStore(dbPath, TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        var epoch = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var conductor = new DomainConductor(1, Domain.Standards.ConductorMaterial.Copper, false, 2.5m);
        for (var n = 1; n <= count; n++)
        {
            var test = VerdictEngine.Default.EvaluateConductorResistance(new DomainInput(conductor, 0.0700m + (n % 50 * 0.0002m), 10m, 20m)).ToProto();
            test.TestId = "cr-1";
            test.Core = "1";
            test.Instruments.Add(new InstrumentIdentity { InstrumentId = "ohmmeter-1", Role = "conductor_resistance_meter", CalibrationDue = "2027-01-31" });
            var at = Timestamp.FromDateTimeOffset(epoch.AddMinutes(n));
            var verdict = new Verdict
            {
                VerdictId = $"V-{n}", RunId = RunId(n), SampleId = $"S-{n % 7}", LimsOrder = $"LO-{n % 100}", BenchId = "bench-1",
                OperatorName = "bench", ProductSpec = "GB/T 5023.3 227 IEC 01 (BV) 450/750 V 1x2.5", Outcome = test.Outcome,
                OutcomeRule = SampleVerdict.Rule, RunStartedAt = at, RunCompletedAt = at, EvaluatedAt = at,
                CatalogueVersion = VerdictEngine.Default.Catalogue.Version, Tests = { test },
            };
            await store.AppendVerdictAsync(VerdictDocument.ToNewVerdict(verdict), CancellationToken.None);
        }
    }

    private static string RunId(int n) => string.Create(CultureInfo.InvariantCulture, $"R-{n}");
}
