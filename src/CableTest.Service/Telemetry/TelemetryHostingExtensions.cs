using System.Reflection;
using CableTest.Storage.Outbox;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CableTest.Service.Telemetry;

/// <summary>
/// OpenTelemetry for the service: the outbox, run and instrument meters, ASP.NET Core (HTTP and gRPC
/// calls) metrics and spans, and the run / step / exchange spans; exported over OTLP
/// (<c>Telemetry:Otlp:Endpoint</c>) and/or served at <c>/metrics</c> (<c>Telemetry:Prometheus:Enabled</c>).
/// Both are off by default, and then nothing is registered. Every series is named <c>cabletest.*</c>
/// (<c>cabletest_*</c> in Prometheus): the ASP.NET Core ones get the prefix as well.
/// </summary>
public static class TelemetryHostingExtensions
{
    public const string ScrapePath = "/metrics";

    /// <summary>The meters the service exports (ours, then ASP.NET Core's and Kestrel's).</summary>
    internal static readonly string[] Meters =
    [
        OutboxMetrics.MeterName, RunTelemetry.MeterName, InstrumentTelemetry.MeterName, Hosting.Http2StaleScheduleRepair.MeterName,
        "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Authentication", "System.Runtime",
    ];

    public static WebApplicationBuilder AddCableTestTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (TelemetryOptionsValidator.Validate(options) is { Count: > 0 } errors)
        {
            throw new OptionsValidationException(TelemetryOptions.Section, typeof(TelemetryOptions), errors);
        }

        builder.Services.AddAuthorization(ScrapePolicy.Add);
        if (!options.Enabled)
        {
            return builder;
        }

        var version = typeof(TelemetryHostingExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var benchId = builder.Configuration["Bench:BenchId"];
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceVersion: version, serviceInstanceId: string.IsNullOrEmpty(benchId) ? Environment.MachineName : benchId));
        otel.WithMetrics(metrics =>
        {
            metrics.AddMeter(Meters)
                .AddAspNetCoreInstrumentation()
                // The outbox's observable instruments live as long as this object: the provider keeps it.
                .AddInstrumentation(sp => sp.GetRequiredService<OutboxMetrics>())
                .AddView(instrument => instrument.Name.StartsWith("cabletest.", StringComparison.Ordinal)
                    ? null
                    : new MetricStreamConfiguration { Name = "cabletest." + instrument.Name });
            if (options.Prometheus.Enabled)
            {
                metrics.AddPrometheusExporter();
            }

            if (options.Otlp.Endpoint is { } endpoint)
            {
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    Configure(exporter, endpoint, options.Otlp.Protocol, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.Otlp.ExportInterval.TotalMilliseconds;
                });
            }
        });
        if (options.Otlp.Endpoint is { } traceEndpoint)
        {
            otel.WithTracing(tracing => tracing
                .AddSource(RunTelemetry.SourceName, InstrumentTelemetry.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(exporter => Configure(exporter, traceEndpoint, options.Otlp.Protocol, "v1/traces")));
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c> when the Prometheus endpoint is on.</summary>
    public static WebApplication MapCableTestTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetValue($"{TelemetryOptions.Section}:Prometheus:Enabled", defaultValue: false))
        {
            app.MapPrometheusScrapingEndpoint(ScrapePath).RequireAuthorization(ScrapePolicy.Name);
        }

        return app;
    }

    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, string protocol, string signalPath)
    {
        if (protocol == "http/protobuf")
        {
            // An endpoint set in code is used as it is: give a bare collector address its signal's path, as the
            // OTEL_EXPORTER_OTLP_ENDPOINT variable would.
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = endpoint.AbsolutePath is "/" or "" ? new Uri(endpoint, signalPath) : endpoint;
        }
        else
        {
            exporter.Protocol = OtlpExportProtocol.Grpc;
            exporter.Endpoint = endpoint;
        }
    }
}
