using Microsoft.Extensions.Options;

namespace CableTest.Service.Hosting;

/// <summary>Startup validation of <see cref="GrpcOptions"/>: each error names its configuration key.</summary>
internal sealed class GrpcOptionsValidator : IValidateOptions<GrpcOptions>
{
    private const int MinMessageBytes = 64 * 1024;

    public ValidateOptionsResult Validate(string? name, GrpcOptions options)
    {
        var errors = new List<string>();
        if (options.MaxReceiveMessageSizeBytes < MinMessageBytes)
        {
            errors.Add($"Grpc:MaxReceiveMessageSizeBytes must be at least {MinMessageBytes} (is {options.MaxReceiveMessageSizeBytes})");
        }

        if (options.MaxSendMessageSizeBytes < MinMessageBytes)
        {
            errors.Add($"Grpc:MaxSendMessageSizeBytes must be at least {MinMessageBytes} (is {options.MaxSendMessageSizeBytes})");
        }

        if (options.StreamPollInterval < TimeSpan.FromMilliseconds(10) || options.StreamPollInterval > TimeSpan.FromMinutes(10))
        {
            errors.Add($"Grpc:StreamPollInterval must be between 00:00:00.010 and 00:10:00 (is {options.StreamPollInterval:c})");
        }

        if (options.StreamBatchSize is < 1 or > 10_000)
        {
            errors.Add($"Grpc:StreamBatchSize must be between 1 and 10000 (is {options.StreamBatchSize})");
        }

        if (options.VerdictCacheMegabytes is < 0 or > 65_536)
        {
            errors.Add($"Grpc:VerdictCacheMegabytes must be between 0 and 65536 (is {options.VerdictCacheMegabytes})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
