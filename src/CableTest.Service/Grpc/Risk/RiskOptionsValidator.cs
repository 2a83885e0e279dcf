using Microsoft.Extensions.Options;

namespace CableTest.Service.Grpc.Risk;

/// <summary>Startup validation of <see cref="RiskOptions"/>: each error names its configuration key (Risk:NAME).</summary>
internal sealed class RiskOptionsValidator : IValidateOptions<RiskOptions>
{
    public ValidateOptionsResult Validate(string? name, RiskOptions options)
    {
        var problems = options.ToRules().Problems();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => $"{RiskOptions.Section}:{p.Name} {p.Problem}"));
    }
}
