using System.Collections.Concurrent;
using System.Globalization;
using CableTest.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CableTest.Service.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP receiver on a loopback port that keeps every request body by path (/v1/metrics,
/// /v1/traces). Protobuf carries names as plain UTF-8, so a span or metric name can be found in the bytes.
/// </summary>
internal sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> received = new();

    private OtlpSink(WebApplication app, int port)
    {
        this.app = app;
        Endpoint = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
    }

    public string Endpoint { get; }

    public static async Task<OtlpSink> StartAsync()
    {
        var port = FreeTcpPort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var app = builder.Build();
        var sink = new OtlpSink(app, port);
        app.MapPost("/v1/{signal}", async (HttpContext http, string signal) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            sink.received.Enqueue(("/v1/" + signal, body.ToArray()));
            http.Response.ContentType = "application/x-protobuf";
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return sink;
    }

    /// <summary>Whether some body posted to <paramref name="path"/> holds <paramref name="text"/>.</summary>
    public bool Saw(string path, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return received.Any(r => r.Path == path && r.Body.AsSpan().IndexOf(needle) >= 0);
    }

    public string Summary => string.Join(", ", received.GroupBy(r => r.Path).Select(g => $"{g.Key}: {g.Count()} posts, {g.Sum(r => r.Body.Length)} bytes"));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
