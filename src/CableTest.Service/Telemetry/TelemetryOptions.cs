namespace CableTest.Service.Telemetry;

/// <summary>Configuration section <c>Telemetry</c>: where metrics and traces go. Everything is off by default.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OpenTelemetry Protocol export of metrics and traces.</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>The Prometheus scrape endpoint.</summary>
    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>The name the service reports itself under (OpenTelemetry <c>service.name</c>). Default cabletest-service.</summary>
    public string ServiceName { get; set; } = "cabletest-service";

    internal bool Enabled => Otlp.Endpoint is not null || Prometheus.Enabled;
}

/// <summary><c>Telemetry:Otlp</c>.</summary>
public sealed class OtlpOptions
{
    /// <summary>Collector endpoint, e.g. http://collector:4317 (grpc) or http://collector:4318 (http/protobuf). None: no export.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>How often metrics are pushed (default 15 s).</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary><c>Telemetry:Prometheus</c>.</summary>
public sealed class PrometheusOptions
{
    /// <summary>Serve <c>/metrics</c> in the Prometheus text format: open to loopback, otherwise to authenticated callers (any role).</summary>
    public bool Enabled { get; set; }
}
