using System.Diagnostics;
using System.Globalization;
using CableTest.Domain.Risk;
using CableTest.HardwareSim.Population;
using CableTest.Service.Grpc.Risk;
using CableTest.Storage.Runs;

namespace CableTest.Benchmarks.Service;

/// <summary>
/// Risk summary over a SQLite run store holding VERDICTS sampled verdicts (the simulated spot-check population, four
/// manufacturers): the store query (verdict_margins joined with sampling_records) and the domain analysis, timed
/// separately, first call (cold) and REPEATS more. The seeded store is kept in DIR and reused when it holds the count.
/// Usage: risk-summary [VERDICTS] [DIR] [REPEATS]
/// </summary>
internal static class RiskSummaryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verdicts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var dir = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "cabletest-risk-bench");
        var repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"risk-{verdicts}.db"));
        var store = new SqliteRunStore(path, TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        var held = (await store.ListRiskObservationsAsync(new RiskQuery(), CancellationToken.None)).Count;
        if (held != verdicts)
        {
            if (held != 0)
            {
                Console.Error.WriteLine($"{path} holds {held} sampled verdicts, not {verdicts}: delete it");
                return 2;
            }

            var seedWatch = Stopwatch.StartNew();
            var perManufacturer = verdicts / SpotCheckPopulation.Manufacturers.Count;
            await SpotCheckSeeder.SeedAsync(store, SpotCheckPopulation.Generate(perManufacturer, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)),
                CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {perManufacturer * SpotCheckPopulation.Manufacturers.Count} verdicts in {seedWatch.Elapsed.TotalSeconds:F1} s ({path})"));
        }

        var rules = new RiskRules();
        // CPU ms: the process's processor time over the call (query, analysis, and the JIT and GC threads working for them),
        // steadier than wall time on a shared machine, where the wall time of one call varies 2x with the other work.
        Console.WriteLine("| call | query ms | analysis ms | total ms | CPU ms (query + analysis) | GCs gen0/1/2 | samples | warnings |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        using var process = Process.GetCurrentProcess();
        var totals = new List<double>();
        for (var i = 0; i <= repeats; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            int[] gcs = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var watch = Stopwatch.StartNew();
            var observations = await store.ListRiskObservationsAsync(new RiskQuery(), CancellationToken.None);
            var queried = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            var queryCpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            var summary = RiskAnalysis.Summarize(observations, rules);
            var total = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            if (i > 0)
            {
                totals.Add(total);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(i == 0 ? "cold" : i.ToString(CultureInfo.InvariantCulture))} | {queried:F0} | {total - queried:F0} | {total:F0} | {cpuMs:F0} ({queryCpuMs:F0} + {cpuMs - queryCpuMs:F0}) | {GC.CollectionCount(0) - gcs[0]}/{GC.CollectionCount(1) - gcs[1]}/{GC.CollectionCount(2) - gcs[2]} | {summary.ByManufacturer.Sum(g => g.SampleCount)} | {summary.Warnings.Count} |"));
        }

        totals.Sort();
        var median = totals[totals.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"risk summary over {verdicts} verdicts: median {median:F0} ms, max {totals[^1]:F0} ms of {repeats} warm calls; target < 1000 ms: {(totals[^1] < 1000 ? "met" : "NOT met")}"));
        return totals[^1] < 1000 ? 0 : 1;
    }
}
