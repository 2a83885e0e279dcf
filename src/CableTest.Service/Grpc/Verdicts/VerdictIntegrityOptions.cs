using Microsoft.Extensions.Options;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>Configuration section <c>Verdicts</c>.</summary>
internal sealed class VerdictIntegrityOptions
{
    public const string Section = "Verdicts";

    /// <summary>How often the hash chain is checked again after start (incrementally, from the last checkpoint).</summary>
    public TimeSpan ChainCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class VerdictIntegrityOptionsValidator : IValidateOptions<VerdictIntegrityOptions>
{
    public ValidateOptionsResult Validate(string? name, VerdictIntegrityOptions options) =>
        options.ChainCheckInterval < TimeSpan.FromSeconds(1) || options.ChainCheckInterval > TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Fail($"{VerdictIntegrityOptions.Section}:{nameof(VerdictIntegrityOptions.ChainCheckInterval)} must be between 00:00:01 and 1.00:00:00 (it is {options.ChainCheckInterval})")
            : ValidateOptionsResult.Success;
}
