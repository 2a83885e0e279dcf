using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CableTest.Protocols.LineProtocol;

namespace CableTest.Storage.Influx;

/// <summary>
/// Posts line protocol to InfluxDB's v1 or v2 write API and classifies the answer. Stateless apart
/// from the HttpClient; retries, splitting and quarantine are the forwarder's job.
/// </summary>
public sealed class InfluxWriteClient(HttpClient http, InfluxOptions options) : IInfluxWriter
{
    private readonly Uri baseUri = new(options.Url!.TrimEnd('/') + "/");

    /// <summary>Writes <paramref name="lines"/> (one point each, no newlines) as one request.</summary>
    public async Task<WriteOutcome> WriteAsync(IReadOnlyList<ReadOnlyMemory<byte>> lines, WritePrecision precision, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, PathAndQuery(precision)))
        {
            Content = Body(lines),
        };
        Authorize(request, options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new WriteOutcome(WriteOutcomeKind.Delivered, status, "");
            }

            var message = await ReadMessageAsync(response, timeout.Token).ConfigureAwait(false);
            return status switch
            {
                429 or >= 500 => new WriteOutcome(WriteOutcomeKind.Retry, status, message, RetryAfter(response)),
                413 => new WriteOutcome(WriteOutcomeKind.TooLarge, status, message),
                400 or 422 => new WriteOutcome(WriteOutcomeKind.Rejected, status, message),
                _ => new WriteOutcome(WriteOutcomeKind.Misconfigured, status, message, RetryAfter(response)),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WriteOutcome(WriteOutcomeKind.Retry, 0, $"no answer within Influx:RequestTimeout ({options.RequestTimeout})");
        }
        catch (HttpRequestException e)
        {
            return new WriteOutcome(WriteOutcomeKind.Retry, 0, "network: " + e.Message);
        }
        catch (IOException e)
        {
            return new WriteOutcome(WriteOutcomeKind.Retry, 0, "network: " + e.Message);
        }
    }

    internal string PathAndQuery(WritePrecision precision)
    {
        var q = new StringBuilder();
        if (options.Api == InfluxApi.V1)
        {
            q.Append("write?db=").Append(Uri.EscapeDataString(options.Database!));
            if (!string.IsNullOrEmpty(options.RetentionPolicy))
            {
                q.Append("&rp=").Append(Uri.EscapeDataString(options.RetentionPolicy));
            }

            // InfluxDB 1.x spells microseconds "u".
            q.Append("&precision=").Append(precision == WritePrecision.Us ? "u" : precision.ToQueryValue());
        }
        else
        {
            q.Append("api/v2/write?org=").Append(Uri.EscapeDataString(options.Org!))
                .Append("&bucket=").Append(Uri.EscapeDataString(options.Bucket!))
                .Append("&precision=").Append(precision.ToQueryValue());
        }

        return q.ToString();
    }

    private HttpContent Body(IReadOnlyList<ReadOnlyMemory<byte>> lines)
    {
        // One copy of the lines into the body (not a pooled buffer copied again into the content).
        var raw = LineProtocolBody.Join(lines);

        ByteArrayContent content;
        if (options.CompressesBodies)
        {
            var compressed = new MemoryStream(raw.Length / 4);
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(raw);
            }

            content = new ByteArrayContent(compressed.GetBuffer(), 0, (int)compressed.Length);
            content.Headers.ContentEncoding.Add("gzip");
        }
        else
        {
            content = new ByteArrayContent(raw);
        }

        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Token (v2) or basic (v1) credentials from <paramref name="options"/>; also used by the read-back queries.</summary>
    internal static void Authorize(HttpRequestMessage request, InfluxOptions options)
    {
        if (options.Api == InfluxApi.V2 && !string.IsNullOrEmpty(options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", options.Token);
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (response.Headers.Date ?? date);
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static async Task<string> ReadMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        text = text.Trim();
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        return text.Length > 500 ? $"{status}: {text[..500]}…" : $"{status}: {text}";
    }
}
