using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CableTest.Testing;

/// <summary>
/// A real InfluxDB 1.x (<c>influxd</c> from Debian's influxdb) on loopback ports in a temp dir, with a
/// database <c>cabletest</c>. Can be stopped and started again on the same ports and data.
/// </summary>
public sealed class InfluxDbServer : IAsyncDisposable
{
    private readonly TempDirectory dir = new("influxd");
    private readonly string influxd;
    private readonly string config;
    private ExternalProcess? process;

    public InfluxDbServer()
    {
        influxd = RequiredTool.Find("influxd", "influxdb");
        HttpPort = FreeTcpPort.Next();
        var rpcPort = FreeTcpPort.Next();
        config = dir.File("influxdb.conf");
        File.WriteAllText(config, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort}"
            [meta]
              dir = "{dir.File("meta")}"
            [data]
              dir = "{dir.File("data")}"
              wal-dir = "{dir.File("wal")}"
              query-log-enabled = false
            [http]
              enabled = true
              bind-address = "127.0.0.1:{HttpPort}"
              log-enabled = false
            [monitor]
              store-enabled = false
            [continuous_queries]
              enabled = false
            """);
        Http = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public int HttpPort { get; }

    public string Url => $"http://127.0.0.1:{HttpPort}";

    public HttpClient Http { get; }

    public const string Database = "cabletest";

    public async Task StartAsync()
    {
        process = ExternalProcess.Start(influxd, ["run", "-config", config]);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var ping = await Http.GetAsync("/ping");
                if (ping.IsSuccessStatusCode)
                {
                    await QueryAsync($"CREATE DATABASE {Database}");
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with {process.ExitCode}:\n{process.Output}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"influxd did not answer /ping:\n{process.Output}");
    }

    public async Task StopAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }
    }

    /// <summary>SIGKILL (no shutdown); <see cref="StartAsync"/> starts it again on the same data.</summary>
    public async Task KillAsync()
    {
        if (process is not null)
        {
            process.Kill();
            await process.DisposeAsync();
            process = null;
        }
    }

    /// <summary>Runs InfluxQL and returns the first series' rows (each a list of values).</summary>
    public async Task<List<JsonElement[]>> QueryAsync(string influxQl)
    {
        using var response = await Http.PostAsync(
            $"/query?db={Database}&epoch=ns&q={Uri.EscapeDataString(influxQl)}", null);
        response.EnsureSuccessStatusCode();
        var doc = await response.Content.ReadFromJsonAsync<JsonElement>();
        var result = doc.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"InfluxQL error: {error}");
        }

        if (!result.TryGetProperty("series", out var series))
        {
            return [];
        }

        return [.. series.EnumerateArray().SelectMany(s => s.GetProperty("values").EnumerateArray()).Select(v => v.EnumerateArray().ToArray())];
    }

    /// <summary>Number of points of a measurement (counting one field).</summary>
    public async Task<long> CountAsync(string measurement, string field)
    {
        var rows = await QueryAsync($"SELECT count(\"{field}\") FROM \"{measurement}\"");
        return rows.Count == 0 ? 0 : rows[0][1].GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        dir.Dispose();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"influxd at {Url}");
}
