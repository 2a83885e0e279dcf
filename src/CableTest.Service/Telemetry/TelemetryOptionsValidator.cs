namespace CableTest.Service.Telemetry;

/// <summary>Checks <see cref="TelemetryOptions"/> when the host is built; each error names its key.</summary>
internal static class TelemetryOptionsValidator
{
    public static IReadOnlyList<string> Validate(TelemetryOptions options)
    {
        var errors = new List<string>();
        if (options.Otlp.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"Telemetry:Otlp:Endpoint must be an http:// or https:// URL (is '{endpoint}')");
        }

        if (options.Otlp.Protocol is not ("grpc" or "http/protobuf"))
        {
            errors.Add($"Telemetry:Otlp:Protocol must be grpc or http/protobuf (is '{options.Otlp.Protocol}')");
        }

        if (options.Otlp.ExportInterval < TimeSpan.FromSeconds(1) || options.Otlp.ExportInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"Telemetry:Otlp:ExportInterval must be between 00:00:01 and 01:00:00 (is {options.Otlp.ExportInterval:c})");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            errors.Add("Telemetry:ServiceName must not be empty");
        }

        return errors;
    }
}
