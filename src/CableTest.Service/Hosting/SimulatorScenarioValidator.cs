using CableTest.HardwareSim.Scenarios;
using CableTest.Service.Bench;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Hosting;

/// <summary>With no instruments configured (the embedded simulator), <c>Bench:Simulator:Scenario</c> must name a shipped scenario.</summary>
internal sealed class SimulatorScenarioValidator : IValidateOptions<BenchOptions>
{
    public ValidateOptionsResult Validate(string? name, BenchOptions options)
    {
        if (options.Instruments.Count > 0)
        {
            return ValidateOptionsResult.Skip;
        }

        var known = ScenarioLibrary.LoadDefault().All.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        return known.Contains(options.Simulator.Scenario, StringComparer.Ordinal)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Bench:Simulator:Scenario: no scenario \"{options.Simulator.Scenario}\" (known: {string.Join(", ", known)})");
    }
}
