using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using CableTest.Testing;

namespace CableTest.Storage.Tests.Influx;

/// <summary>
/// A loopback HTTP server whose answers a test scripts (status, Retry-After, or a function of the
/// body): for the forwarder's retry, split and bisect paths. Records every body it received.
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public ScriptedHttpServer(Func<string[], (int Status, string? RetryAfter)> answer, int? port = null)
    {
        Port = port ?? FreeTcpPort.Next();
        Url = $"http://127.0.0.1:{Port}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        Answer = answer;
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url { get; }

    public Func<string[], (int Status, string? RetryAfter)> Answer { get; set; }

    /// <summary>Every request: its path+query and its lines (gunzipped).</summary>
    public ConcurrentQueue<(string PathAndQuery, string[] Lines, int Status)> Requests { get; } = new();

    /// <summary>The Authorization and Content-Encoding headers of the last request.</summary>
    public (string? Authorization, string? ContentEncoding) LastHeaders { get; private set; }

    /// <summary>Lines of the requests answered with 2xx.</summary>
    public IEnumerable<string> DeliveredLines => Requests.Where(r => r.Status is >= 200 and < 300).SelectMany(r => r.Lines);

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            LastHeaders = (ctx.Request.Headers["Authorization"], ctx.Request.Headers["Content-Encoding"]);
            Stream body = ctx.Request.InputStream;
            if (ctx.Request.Headers["Content-Encoding"] == "gzip")
            {
                body = new GZipStream(body, CompressionMode.Decompress);
            }

            string text;
            using (var reader = new StreamReader(body, Encoding.UTF8))
            {
                text = await reader.ReadToEndAsync();
            }

            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var (status, retryAfter) = Answer(lines);
            Requests.Enqueue((ctx.Request.Url!.PathAndQuery, lines, status));
            ctx.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                ctx.Response.Headers["Retry-After"] = retryAfter;
            }

            var message = Encoding.UTF8.GetBytes(status >= 300 ? "{\"error\":\"scripted " + status + "\"}" : "");
            await ctx.Response.OutputStream.WriteAsync(message);
            ctx.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();

        // Close alone: Stop then Close binds the port again for a moment to remove the prefix (managed
        // HttpListener), and threw "Address already in use" when another test had taken the port meanwhile.
        listener.Close();
        try
        {
            await loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
