using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CableTest.Storage.Influx.ReadBack;

/// <summary>
/// VictoriaMetrics (the V2 write path): <c>GET /api/v1/export</c> of the series
/// <c>{measurement}_{field}</c> between the two times, counting samples (VictoriaMetrics keeps
/// milliseconds). A server without that route (InfluxDB 2.x) answers 4xx: not supported, null.
/// </summary>
public sealed class VictoriaMetricsReadBack(HttpClient http, InfluxOptions options) : ISinkReadBack
{
    private readonly Uri baseUri = new(options.Url!.TrimEnd('/') + "/");

    public long ResolutionNs => 1_000_000;

    public async Task<IReadOnlyDictionary<SeriesField, long>?> CountAsync(IReadOnlyCollection<SeriesField> fields, long fromNs, long toNs, CancellationToken cancellationToken)
    {
        var byName = fields.ToDictionary(f => f.Measurement + "_" + f.Field, f => f, StringComparer.Ordinal);
        var selector = "{__name__=~\"" + string.Join('|', byName.Keys.Select(EscapeRegex)) + "\"}";
        var uri = new Uri(baseUri, $"api/v1/export?match[]={Uri.EscapeDataString(selector)}&start={Rfc3339(fromNs)}&end={Rfc3339(toNs)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        InfluxWriteClient.Authorize(request, options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var counts = fields.ToDictionary(f => f, _ => 0L);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), Encoding.UTF8);
        while (await reader.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var name = doc.RootElement.GetProperty("metric").GetProperty("__name__").GetString();
            if (name is not null && byName.TryGetValue(name, out var field))
            {
                counts[field] += doc.RootElement.GetProperty("timestamps").GetArrayLength();
            }
        }

        return counts;
    }

    /// <summary>Milliseconds, rounded outwards by the caller's range being inclusive at both ends.</summary>
    private static string Rfc3339(long ns) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Math.DivRem(ns, 1_000_000L, out var rem) - (rem < 0 ? 1 : 0))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string EscapeRegex(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            if ("\\.+*?()|[]{}^$\"".Contains(ch, StringComparison.Ordinal))
            {
                // A regex escape inside a PromQL string: the string takes one backslash away.
                sb.Append("\\\\");
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}
