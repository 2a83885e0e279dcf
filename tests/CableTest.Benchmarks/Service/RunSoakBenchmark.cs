using System.Diagnostics;
using System.Globalization;
using CableTest.Contracts.V1;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace CableTest.Benchmarks.Service;

/// <summary>
/// Memory over many runs (issue 16.6): the real service process on the simulated bench at a high time
/// scale runs RUNS runs in a row, one after the other as a technician would (register, start, answer
/// the prompts, wait for the end), and after each the LIMS reads the verdict, the station lists the 10 newest verdicts
/// and the technician opens the HTML report. The resident set (VmRSS) is sampled after every run; the
/// figure is RSS after the last run against RSS after run 10 (warm: JIT, pools, caches filled), which
/// must stay within 10 %. Exits 1 when it does not, or when a run does not end.
/// Arguments: runs (default 100), time scale (default 1000), then any service settings
/// (<c>--Grpc:VerdictCacheMegabytes=0</c>) and <c>--gcdump=DIR</c> for dotnet-gcdump heap dumps after
/// run 10 and after the last run (diagnosis; a dump forces a full GC). Where the resident set is after run 10 and after
/// the last run, by kind of mapping (<see cref="SmapsSummary"/>), is printed at the end.
/// </summary>
internal static class RunSoakBenchmark
{
    private const string Spec = "gbt5023.3-227iec01-bv-450/750";

    /// <summary>The run after which the resident set is the reference, and the size of the page of verdicts read after each run.</summary>
    private const int WarmRuns = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var timeScale = args.Length > 1 ? args[1] : "1000";
        var extra = args.Skip(2).ToList();
        var dumps = extra.FirstOrDefault(a => a.StartsWith("--gcdump=", StringComparison.Ordinal)) is { } d ? Path.GetFullPath(d["--gcdump=".Length..]) : null;
        string[] settings = [$"--Bench:Simulator:TimeScale={timeScale}", "--Bench:PollInterval=00:00:00.05", .. extra.Where(a => !a.StartsWith("--gcdump=", StringComparison.Ordinal))];
        var data = Path.Combine(Path.GetTempPath(), $"cabletest-soak-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        try
        {
            var port = ServiceProcess.FreePort();
            using var service = ServiceProcess.Start(data, port, settings);
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await ServiceProcess.WaitUntilServingAsync(new Health.HealthClient(channel), service);
            var bench = new BenchService.BenchServiceClient(channel);
            var verdicts = new VerdictService.VerdictServiceClient(channel);
            Console.WriteLine($"load average before: {ServiceProcess.LoadAverage()}; RSS at start {ServiceProcess.ResidentMiB(service):F1} MiB");
            Console.WriteLine();
            Console.WriteLine("| after run | RSS MiB | anonymous | file-backed | run s |");
            Console.WriteLine("|---:|---:|---:|---:|---:|");
            var rss = new double[runs + 1];
            var anon = new double[runs + 1];
            SmapsSummary? atWarm = null, atLast = null;
            var verdictBytes = 0;
            var total = Stopwatch.StartNew();
            for (var n = 1; n <= runs; n++)
            {
                var one = Stopwatch.StartNew();
                var sampleId = $"SOAK-{n}";
                await bench.RegisterSampleAsync(new RegisterSampleRequest
                {
                    SampleId = sampleId, LimsOrder = "LIMS-" + sampleId, SpecId = Spec, CrossSectionMm2 = 2.5, Cores = 1, LengthM = 100,
                    ConductorClass = 1, ConductorDiameterMm = 1.78, InsulationOuterDiameterMm = 3.38,
                });
                var started = await bench.StartRunAsync(new StartRunRequest { SampleId = sampleId, OperatorName = "soak", RequestId = "soak-" + n });
                var run = await DriveToEndAsync(bench, started.RunId, TimeSpan.FromMinutes(2));
                if (run.State != RunState.Completed)
                {
                    Console.WriteLine($"FAILED: run {n} ({run.RunId}) ended {run.State}: {run}");
                    return 1;
                }

                verdictBytes = (await verdicts.GetVerdictAsync(new GetVerdictRequest { RunId = run.RunId })).CalculateSize();
                // The station's view: the newest verdicts, a page that is the same from run 10 on, so that run 10 and the last
                // run do the same work (a page of 50 grew until run 50, and the service's buffers with it).
                await verdicts.ListVerdictsAsync(new ListVerdictsRequest { PageSize = WarmRuns, NewestFirst = true });
                using (var report = await http.GetAsync($"/reports/{run.RunId}.html"))
                {
                    report.EnsureSuccessStatusCode();
                }

                await Task.Delay(200);
                var memory = ServiceProcess.Memory(service);
                (rss[n], anon[n]) = (memory.Rss, memory.Anon);
                if (n == 1 || n % 10 == 0 || n == runs)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n} | {memory.Rss:F1} | {memory.Anon:F1} | {memory.File:F1} | {one.Elapsed.TotalSeconds:F1} |"));
                }

                if (n == Math.Min(WarmRuns, runs))
                {
                    atWarm = SmapsSummary.Read(service.Id);
                }

                if (n == runs)
                {
                    atLast = SmapsSummary.Read(service.Id);
                }

                if (dumps is not null && (n == WarmRuns || n == runs))
                {
                    await GcDumpAsync(service, Path.Combine(dumps, $"after-run-{n}.gcdump"));
                }
            }

            var warm = Math.Min(WarmRuns, runs);
            var ratio = rss[runs] / rss[warm];
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{runs} runs in {total.Elapsed.TotalSeconds:F0} s; RSS after run {runs} / after run {warm} = {rss[runs]:F1} / {rss[warm]:F1} MiB = {ratio:F3} (bound 1.10); max {rss.Skip(1).Max():F1} MiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"anonymous memory after run {runs} / after run {warm} = {anon[runs]:F1} / {anon[warm]:F1} MiB = {anon[runs] / anon[warm]:F3}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the last run's verdict: {verdictBytes / 1024.0:F1} KiB encoded"));
            Console.WriteLine();
            Console.WriteLine($"| resident by mapping (smaps), MiB | after run {warm} | after run {runs} | growth |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var kind in SmapsSummary.Kinds)
            {
                var (from, to) = (atWarm!.KiB[kind] / 1024.0, atLast!.KiB[kind] / 1024.0);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {from:F1} | {to:F1} | {to - from:+0.0;-0.0;0.0} |"));
            }

            Console.WriteLine("load average after: " + ServiceProcess.LoadAverage());
            service.Kill(entireProcessTree: true);
            return ratio <= 1.10 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task GcDumpAsync(Process service, string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var dump = Process.Start("dotnet-gcdump", ["collect", "-p", service.Id.ToString(CultureInfo.InvariantCulture), "-o", file])
            ?? throw new InvalidOperationException("dotnet-gcdump did not start (dotnet tool install -g dotnet-gcdump)");
        await dump.WaitForExitAsync();
        File.Copy($"/proc/{service.Id}/smaps", Path.ChangeExtension(file, ".smaps"), overwrite: true);
        Console.WriteLine($"heap dump: {file} (exit {dump.ExitCode}; RSS after its full GC {ServiceProcess.ResidentMiB(service):F1} MiB)");
    }

    /// <summary>Answers every prompt until the run ends.</summary>
    private static async Task<Run> DriveToEndAsync(BenchService.BenchServiceClient bench, string runId, TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        while (true)
        {
            var run = await bench.GetRunAsync(new GetRunRequest { RunId = runId }, cancellationToken: cts.Token);
            if (run.State is RunState.Completed or RunState.Aborted or RunState.Incomplete)
            {
                return run;
            }

            if (run.PendingPrompt is { } prompt)
            {
                await bench.AnswerPromptAsync(new AnswerPromptRequest { RunId = runId, PromptId = prompt.PromptId, Acknowledged = true, OperatorName = "soak" }, cancellationToken: cts.Token);
            }

            await Task.Delay(50, cts.Token);
        }
    }
}
