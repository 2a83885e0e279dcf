using System.Globalization;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Drivers;
using CableTest.Transports;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Bench;

/// <summary>Checks the bench section; every failure names its key.</summary>
internal sealed class BenchOptionsValidator : IValidateOptions<BenchOptions>
{
    /// <summary>The roles every bench needs; the bath thermometer is optional.</summary>
    private static readonly InstrumentRole[] Required =
        [InstrumentRole.ConductorResistanceMeter, InstrumentRole.InsulationTester, InstrumentRole.WithstandTester, InstrumentRole.AmbientSensor];

    public ValidateOptionsResult Validate(string? name, BenchOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BenchId))
        {
            failures.Add("Bench:BenchId must not be empty");
        }

        if (!CalibrationPolicies.TryParse(options.CalibrationPolicy, out _))
        {
            failures.Add($"Bench:CalibrationPolicy must be {CalibrationPolicies.Choices}");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(20) || options.PollInterval > TimeSpan.FromSeconds(5))
        {
            failures.Add("Bench:PollInterval must be within 20 ms..5 s");
        }

        if (options.ResistanceReadings is < 1 or > 100)
        {
            failures.Add("Bench:ResistanceReadings must be within 1..100");
        }

        var insulation = StandardsCatalogue.LoadDefault().InsulationMethod;
        if (!(options.InsulationTestVoltageV >= (double)insulation.MinTestVoltageVDc && options.InsulationTestVoltageV <= (double)insulation.MaxTestVoltageVDc))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Bench:InsulationTestVoltageV must be within {insulation.MinTestVoltageVDc}..{insulation.MaxTestVoltageVDc} V ({insulation.Edition})"));
        }

        if (options.Electrification <= TimeSpan.Zero || options.Electrification > TimeSpan.FromMinutes(10))
        {
            failures.Add("Bench:Electrification must be within (0, 10 min]");
        }

        if (options.Simulator.TimeScale is <= 0 or > 10_000)
        {
            failures.Add("Bench:Simulator:TimeScale must be within (0, 10000]");
        }

        var roles = new HashSet<InstrumentRole>();
        for (var i = 0; i < options.Instruments.Count; i++)
        {
            var instrument = options.Instruments[i];
            var key = $"Bench:Instruments:{i}";
            if (string.IsNullOrWhiteSpace(instrument.Id))
            {
                failures.Add($"{key}:Id must not be empty");
            }

            if (!InstrumentRoles.TryParse(instrument.Role, out var role))
            {
                failures.Add($"{key}:Role \"{instrument.Role}\" is not conductor_resistance_meter, insulation_tester, withstand_tester, ambient_sensor or bath_thermometer");
            }
            else if (!roles.Add(role))
            {
                failures.Add($"{key}:Role {instrument.Role} appears twice");
            }

            if (string.IsNullOrWhiteSpace(instrument.Profile))
            {
                failures.Add($"{key}:Profile must name a profile");
            }

            try
            {
                ChannelEndpoint.Parse(instrument.Endpoint);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                failures.Add($"{key}:Endpoint: {e.Message}");
            }

            if (instrument.UnitId is < 1 or > 247)
            {
                failures.Add($"{key}:UnitId must be within 1..247");
            }
        }

        var missing = Required.Where(r => !roles.Contains(r)).Select(InstrumentRoles.Name).ToList();
        if (options.Instruments.Count > 0 && missing.Count > 0)
        {
            failures.Add($"Bench:Instruments must name one instrument for each of the four roles (missing: {string.Join(", ", missing)}); a bath_thermometer is optional");
        }

        if (!double.IsFinite(options.WaterBathTemperatureC) || options.WaterBathTemperatureC is < 0 or > 150)
        {
            failures.Add("Bench:WaterBathTemperatureC must be within 0..150 °C");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
