using System.Net.Sockets;
using InfluxDB.Client;
using InfluxDB.Client.Api.Service;
using InfluxDB.Client.Core.Exceptions;
using ClientPrecision = InfluxDB.Client.Api.Domain.WritePrecision;
using WritePrecision = CableTest.Protocols.LineProtocol.WritePrecision;

namespace CableTest.Storage.Influx;

/// <summary>
/// The InfluxDB 2.x / 3.x write API (and VictoriaMetrics' /api/v2/write) through InfluxDB.Client:
/// org, bucket, token, gzip. Only its immediate write API is used (<c>WriteApiAsync</c>: one request
/// per call, awaited until the server answered), never its batching <c>WriteApi</c>, which keeps
/// points in memory and drops them after its retries: the outbox releases a batch only after this
/// returns <see cref="WriteOutcomeKind.Delivered"/>, so the journal stays the source of truth.
/// The batch goes to the client's generated <c>WriteService</c> (created by the client, so with its
/// URL, token, timeout and gzip) as one body of the journal's bytes: the records are not turned into
/// strings and joined again, which took half the time of a write (docs/influx.md).
/// </summary>
public sealed class InfluxClientWriter : IInfluxWriter, IDisposable
{
    private readonly InfluxDBClient client;
    private readonly WriteService writeService;
    private readonly InfluxOptions options;

    public InfluxClientWriter(InfluxOptions options)
    {
        this.options = options;
        var builder = InfluxDBClientOptions.Builder.CreateNew()
            .Url(options.Url!.TrimEnd('/'))
            .Org(options.Org!)
            .Bucket(options.Bucket!)
            .TimeOut(options.RequestTimeout);
        if (!string.IsNullOrEmpty(options.Token))
        {
            builder = builder.AuthenticateToken(options.Token);
        }

        client = new InfluxDBClient(builder.Build());
        if (options.CompressesBodies)
        {
            client.EnableGzip();
        }

        writeService = client.CreateService<WriteService>(typeof(WriteService));
    }

    public async Task<WriteOutcome> WriteAsync(IReadOnlyList<ReadOnlyMemory<byte>> lines, WritePrecision precision, CancellationToken cancellationToken)
    {
        var body = LineProtocolBody.Join(lines);
        try
        {
            await writeService.PostWriteAsync(options.Org, options.Bucket, body, contentType: "text/plain; charset=utf-8", precision: ToClient(precision), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new WriteOutcome(WriteOutcomeKind.Delivered, 204, "");
        }
        catch (HttpException e)
        {
            return Classify(e.Status, Message(e), e.RetryAfter is int seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null);
        }
        catch (InfluxException e)
        {
            return Classify(e.Status, Message(e), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WriteOutcome(WriteOutcomeKind.Retry, 0, $"no answer within Influx:RequestTimeout ({options.RequestTimeout})");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
        {
            return new WriteOutcome(WriteOutcomeKind.Retry, 0, "network: " + e.Message);
        }
    }

    public void Dispose() => client.Dispose();

    /// <summary>The same classification as the v1 path (docs/influx.md "What happens to a batch").</summary>
    internal static WriteOutcome Classify(int status, string message, TimeSpan? retryAfter) => status switch
    {
        0 or 429 or >= 500 => new WriteOutcome(WriteOutcomeKind.Retry, status, message, retryAfter),
        413 => new WriteOutcome(WriteOutcomeKind.TooLarge, status, message),
        400 or 422 => new WriteOutcome(WriteOutcomeKind.Rejected, status, message),
        _ => new WriteOutcome(WriteOutcomeKind.Misconfigured, status, message, retryAfter),
    };

    private static string Message(InfluxException e)
    {
        var text = $"{e.Status}: {e.Message}".Trim();
        return text.Length > 500 ? text[..500] + "…" : text;
    }

    private static ClientPrecision ToClient(WritePrecision precision) => precision switch
    {
        WritePrecision.S => ClientPrecision.S,
        WritePrecision.Ms => ClientPrecision.Ms,
        WritePrecision.Us => ClientPrecision.Us,
        _ => ClientPrecision.Ns,
    };
}
