using System.Globalization;
using System.Text.Json;

namespace CableTest.Storage.Influx;

/// <summary>
/// Tells one run of the sink from the next, so a restart (which may have lost points it had
/// acknowledged but not yet flushed) is noticed. What the servers expose:
/// InfluxDB 1.x: <c>GET /debug/vars</c> → <c>system.started</c>, <c>/ping</c> → <c>X-Influxdb-Version</c>;
/// VictoriaMetrics: <c>GET /metrics</c> → <c>vm_app_start_timestamp</c>; InfluxDB 2.x and other Go
/// servers with a Prometheus endpoint: <c>process_start_time_seconds</c>. Null when none answers.
/// </summary>
public sealed class SinkIdentityProbe(HttpClient http, InfluxOptions options)
{
    private readonly Uri baseUri = new(options.Url!.TrimEnd('/') + "/");

    public async Task<string?> GetIdentityAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            var version = await VersionAsync(timeout.Token).ConfigureAwait(false);
            var started = await StartedFromDebugVarsAsync(timeout.Token).ConfigureAwait(false)
                ?? await StartedFromMetricsAsync(timeout.Token).ConfigureAwait(false);
            return started is null ? null : $"{version} started {started}";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Finds the start time in a Prometheus text exposition (also used by tests).</summary>
    internal static string? StartFromMetrics(string text)
    {
        foreach (var name in new[] { "vm_app_start_timestamp", "process_start_time_seconds" })
        {
            foreach (var line in text.AsSpan().EnumerateLines())
            {
                if (line.StartsWith(name) && line.Length > name.Length && line[name.Length] == ' ')
                {
                    return line[(name.Length + 1)..].Trim().ToString();
                }
            }
        }

        return null;
    }

    private async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseUri, "ping"), cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValues("X-Influxdb-Version", out var values) ? string.Join(",", values) : "";
    }

    private async Task<string?> StartedFromDebugVarsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseUri, "debug/vars"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = stream.ConfigureAwait(false);
        using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return doc.RootElement.TryGetProperty("system", out var system) && system.TryGetProperty("started", out var started)
            ? started.ToString()
            : null;
    }

    private async Task<string?> StartedFromMetricsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseUri, "metrics"), cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? StartFromMetrics(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))
            : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"sink probe at {baseUri}");
}
