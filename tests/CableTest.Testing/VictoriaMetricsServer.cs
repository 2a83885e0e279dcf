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
        ]);
        await FreeTcpPort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(30), () => process.Output);
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
