using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;

namespace CableTest.Benchmarks.Service;

/// <summary>The real service as its own process (the benchmarks' build of it), its port, readiness and memory.</summary>
internal static class ServiceProcess
{
    /// <summary>Starts CableTest.Service on <paramref name="port"/> with <paramref name="data"/> as its data directory; its warnings go to stderr.</summary>
    public static Process Start(string data, int port, params string[] settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CableTest.Service.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--DataDirectory", data, "--Logging:LogLevel:Default=Warning" }.Concat(settings))
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the service");
        // The console logger writes to stdout: warnings and errors (Logging Default=Warning) are shown.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("service: " + e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("service: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitUntilServingAsync(Health.HealthClient health, Process service)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await health.CheckAsync(new HealthCheckRequest(), deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(2));
                return;
            }
            catch (RpcException) when (waited.Elapsed < TimeSpan.FromSeconds(60) && !service.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The process's resident set in MiB (Linux <c>/proc/PID/status</c> VmRSS).</summary>
    public static double ResidentMiB(Process process) => Memory(process).Rss;

    /// <summary>
    /// Resident set, its anonymous part (heaps, stacks: what a leak grows) and its file-backed part
    /// (mapped assemblies and fonts, as their pages are first touched) in MiB, from <c>/proc/PID/status</c>.
    /// </summary>
    public static (double Rss, double Anon, double File) Memory(Process process)
    {
        double rss = 0, anon = 0, file = 0;
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon];
            if (key is "VmRSS" or "RssAnon" or "RssFile")
            {
                var mib = long.Parse(line.AsSpan(colon + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0;
                _ = key switch
                {
                    "VmRSS" => rss = mib,
                    "RssAnon" => anon = mib,
                    _ => file = mib,
                };
            }
        }

        return rss > 0 ? (rss, anon, file) : throw new InvalidOperationException($"no VmRSS for process {process.Id}");
    }

    /// <summary>The machine's 1/5/15-minute load (Linux): other work on a 2-core machine moves every figure.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
