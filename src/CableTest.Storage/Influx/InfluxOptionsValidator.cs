using CableTest.Protocols.LineProtocol;
using Microsoft.Extensions.Options;

namespace CableTest.Storage.Influx;

/// <summary>Startup validation of <see cref="InfluxOptions"/>; each error names its key.</summary>
internal sealed class InfluxOptionsValidator : IValidateOptions<InfluxOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxOptions o)
    {
        if (!o.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!Uri.TryCreate(o.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"Influx:Url '{o.Url}' must be an absolute http:// or https:// URL");
        }

        if (o.Api == InfluxApi.V1 && string.IsNullOrWhiteSpace(o.Database))
        {
            errors.Add("Influx:Database is required with Influx:Api = V1");
        }

        if (o.Api == InfluxApi.V2)
        {
            if (string.IsNullOrWhiteSpace(o.Org))
            {
                errors.Add("Influx:Org is required with Influx:Api = V2");
            }

            if (string.IsNullOrWhiteSpace(o.Bucket))
            {
                errors.Add("Influx:Bucket is required with Influx:Api = V2");
            }
        }

        if (string.IsNullOrEmpty(o.Username) != string.IsNullOrEmpty(o.Password))
        {
            errors.Add("Influx:Username and Influx:Password go together");
        }

        try
        {
            WritePrecisionExtensions.Parse(o.Precision);
        }
        catch (FormatException e)
        {
            errors.Add($"Influx:Precision: {e.Message}");
        }

        if (o.BatchSize is < 1 or > 100_000)
        {
            errors.Add("Influx:BatchSize must be 1..100000");
        }

        if (o.MaxInFlight is < 1 or > 64)
        {
            errors.Add("Influx:MaxInFlight must be 1..64");
        }

        if (o.MaxBatchBytes < 64 * 1024)
        {
            errors.Add("Influx:MaxBatchBytes must be at least 65536");
        }

        foreach (var (key, value) in new[]
        {
            ("FlushInterval", o.FlushInterval), ("RequestTimeout", o.RequestTimeout), ("MinRetryDelay", o.MinRetryDelay),
            ("MaxRetryDelay", o.MaxRetryDelay), ("RetryAfterCap", o.RetryAfterCap), ("SinkCheckInterval", o.SinkCheckInterval),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"Influx:{key} must be positive");
            }
        }

        if (o.MinRetryDelay > o.MaxRetryDelay)
        {
            errors.Add("Influx:MinRetryDelay must not exceed Influx:MaxRetryDelay");
        }

        if (o.ReadBackInterval < TimeSpan.Zero || o.ReadBackSettle < TimeSpan.Zero)
        {
            errors.Add("Influx:ReadBackInterval and Influx:ReadBackSettle must be zero or positive (ReadBackInterval zero: no read-back)");
        }

        if (o.ReadBackMaxReadings < 1)
        {
            errors.Add("Influx:ReadBackMaxReadings must be at least 1");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
