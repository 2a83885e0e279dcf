using System.Diagnostics.Metrics;
using CableTest.Service.Hosting;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CableTest.Service.Tests.Grpc;

/// <summary>
/// The benchmark's ListVerdicts hang (issue 16 item 8), as found in the hung service's memory dump: the waiting
/// request's pooled HTTP/2 stream still marked "scheduled" by Kestrel's lost-response race
/// (dotnet/aspnetcore#53736) with nothing queued, so none of its frames were ever written. A test middleware puts
/// a stream in exactly that state before the service's pipeline runs; without the repair the call is lost (as in
/// the benchmark), with it the call is answered and the repair counted.
/// </summary>
public sealed class StaleHttp2ScheduleTests
{
    private const string Poison = "x-test-stale-schedule";

    [Fact]
    public async Task StreamReusedWithTheStaleMark_IsAnswered_AndTheRepairCounted()
    {
        await using var service = await StartAsync();
        using var repairs = new RepairCounter();
        var health = new Health.HealthClient(service.Channel);

        var reply = await health.CheckAsync(new HealthCheckRequest { Service = "liveness" }, Poisoned(), Deadline());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        Assert.Equal(1, repairs.Count);
        // The connection goes on serving; an ordinary call repairs nothing.
        await health.CheckAsync(new HealthCheckRequest { Service = "liveness" }, deadline: Deadline());
        Assert.Equal(1, repairs.Count);
    }

    [Fact]
    public async Task WithoutTheRepair_TheSameStateLosesTheResponse()
    {
        // What the benchmark met: the handler completes, the client hears nothing until its deadline. If a later
        // ASP.NET Core writes such a stream anyway, this fails and the repair can be retired.
        await using var service = await StartAsync("--Grpc:RepairStaleHttp2Streams=false");
        var health = new Health.HealthClient(service.Channel);

        var lost = await Assert.ThrowsAsync<RpcException>(() =>
            health.CheckAsync(new HealthCheckRequest { Service = "liveness" }, Poisoned(), TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(3)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, lost.StatusCode);
        // Only that stream is lost: the next call on the connection is answered.
        var next = await health.CheckAsync(new HealthCheckRequest { Service = "liveness" }, deadline: Deadline());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, next.Status);
    }

    private static Metadata Poisoned() => new() { { Poison, "1" } };

    private static DateTime Deadline() => TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(10);

    /// <summary>The service with the poisoning middleware; a lost stream never ends, so its stop waits one second, not 30.</summary>
    private static Task<InProcessService> StartAsync(params string[] args) =>
        InProcessService.StartAsync(false, useHttps: false, builder =>
        {
            builder.Services.AddTransient<IStartupFilter, PoisonFilter>();
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        }, args);

    /// <summary>Outermost middleware: marks the request's stream as Kestrel's race leaves it, when the request asks.</summary>
    private sealed class PoisonFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate rest) =>
            {
                if (context.Request.Headers.ContainsKey(Poison) && context.Features.Get<IHttp2StreamIdFeature>() is { } stream)
                {
                    Http2StaleScheduleRepair.MarkScheduledForTest(stream);
                }

                return rest(context);
            });
            next(app);
        };
    }

    /// <summary>Counts cabletest.http2.stale_schedules_repaired while it lives.</summary>
    private sealed class RepairCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public RepairCounter()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Http2StaleScheduleRepair.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
            listener.Start();
        }

        public long Count => Interlocked.Read(ref count);

        public void Dispose() => listener.Dispose();
    }
}
