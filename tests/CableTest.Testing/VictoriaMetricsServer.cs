namespace CableTest.Testing;

/// <summary>A real VictoriaMetrics (Debian's victoria-metrics) on a loopback port in a temp dir: an InfluxDB v2-write-API target.</summary>
public sealed class VictoriaMetricsServer : IAsyncDisposable
{
    private readonly TempDirectory dir = new("vm");
    private ExternalProcess? process;

    public VictoriaMetricsServer()
    {
        Port = FreeTcpPort.Next();
        Http = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public HttpClient Http { get; }

    public async Task StartAsync()
    {
        var binary = RequiredTool.Find("victoria-metrics", "victoria-metrics");
        process = ExternalProcess.Start(binary, [
            $"-storageDataPath={dir.Path}", $"-httpListenAddr=127.0.0.1:{Port}", "-loggerLevel=ERROR", "-search.latencyOffset=0s",
            // Resent points (at-least-once delivery) are stored once, as InfluxDB does by series and timestamp.
            "-dedup.minScrapeInterval=1ms",
        ]);
        await FreeTcpPort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(30), () => process.Output);
    }

    /// <summary>Stops it (SIGTERM: it flushes first); <see cref="StartAsync"/> starts it again on the same data.</summary>
    public async Task StopAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }
    }

    /// <summary>SIGKILL: whatever it acknowledged but had not flushed to disk is lost. <see cref="StartAsync"/> starts it again on the same data.</summary>
    public async Task KillAsync()
    {
        if (process is not null)
        {
            process.Kill();
            await process.DisposeAsync();
            process = null;
        }
    }

    /// <summary>Makes written samples visible to queries at once.</summary>
    public async Task FlushAsync()
    {
        using var r = await Http.GetAsync("/internal/force_flush");
        r.EnsureSuccessStatusCode();
    }

    /// <summary>All samples of series matching a selector, as exported JSON lines.</summary>
    public async Task<string[]> ExportAsync(string selector)
    {
        await FlushAsync();
        var text = await Http.GetStringAsync($"/api/v1/export?match[]={Uri.EscapeDataString(selector)}");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        Http.Dispose();
        dir.Dispose();
    }
}
