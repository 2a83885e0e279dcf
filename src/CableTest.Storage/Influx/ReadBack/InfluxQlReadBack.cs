using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CableTest.Storage.Influx.ReadBack;

/// <summary>
/// InfluxDB 1.x: <c>SELECT count("field") FROM "measurement" WHERE time &gt;= from AND time &lt;= to</c>,
/// one statement per measurement, through <c>GET /query</c> (nanosecond timestamps).
/// </summary>
public sealed class InfluxQlReadBack(HttpClient http, InfluxOptions options) : ISinkReadBack
{
    private readonly Uri baseUri = new(options.Url!.TrimEnd('/') + "/");

    public long ResolutionNs => 1;

    public async Task<IReadOnlyDictionary<SeriesField, long>?> CountAsync(IReadOnlyCollection<SeriesField> fields, long fromNs, long toNs, CancellationToken cancellationToken)
    {
        var byMeasurement = fields.GroupBy(f => f.Measurement, StringComparer.Ordinal).ToList();
        var query = new StringBuilder();
        foreach (var m in byMeasurement)
        {
            query.Append(query.Length == 0 ? "" : ";").Append("SELECT ")
                .AppendJoin(',', m.Select(f => $"count({Quote(f.Field)}) AS {Quote(f.Field)}"))
                .Append(" FROM ").Append(From(m.Key))
                .Append(CultureInfo.InvariantCulture, $" WHERE time >= {fromNs} AND time <= {toNs}");
        }

        var uri = new Uri(baseUri, $"query?db={Uri.EscapeDataString(options.Database!)}&epoch=ns&q={Uri.EscapeDataString(query.ToString())}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        InfluxWriteClient.Authorize(request, options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        if ((int)response.StatusCode is 400 or 401 or 403 or 404)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false));
        var counts = fields.ToDictionary(f => f, _ => 0L);
        foreach (var result in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            if (!result.TryGetProperty("series", out var series))
            {
                continue;
            }

            foreach (var s in series.EnumerateArray())
            {
                var measurement = s.GetProperty("name").GetString()!;
                var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
                foreach (var row in s.GetProperty("values").EnumerateArray())
                {
                    for (var i = 1; i < columns.Count; i++)
                    {
                        var key = new SeriesField(measurement, columns[i]);
                        if (counts.ContainsKey(key) && row[i].ValueKind == JsonValueKind.Number)
                        {
                            counts[key] += row[i].GetInt64();
                        }
                    }
                }
            }
        }

        return counts;
    }

    private string From(string measurement) => string.IsNullOrEmpty(options.RetentionPolicy)
        ? Quote(measurement)
        : $"{Quote(options.Database!)}.{Quote(options.RetentionPolicy)}.{Quote(measurement)}";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
