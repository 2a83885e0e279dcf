using CableTest.Domain.Standards;
using CableTest.Service.Bench;

namespace CableTest.Service.Runs;

/// <summary>
/// The run's own settings as a recording's header carries them (numbers by name), and back: a replay runs with the
/// recorded run's settings, not today's configuration. A name the header lacks (recordings written before headers
/// had them) keeps the current value.
/// </summary>
internal static class RunParameters
{
    private const string MethodPrefix = "method.";

    /// <summary>The settings a run is made with: the bench's run parameters and the method constants.</summary>
    public static IReadOnlyList<KeyValuePair<string, decimal>> Of(BenchOptions options, TestMethodConstants method)
    {
        List<KeyValuePair<string, decimal>> list =
        [
            new("resistance_readings", options.ResistanceReadings),
            new("poll_interval_s", Seconds(options.PollInterval)),
            new("electrification_s", Seconds(options.Electrification)),
            new("withstand_ramp_s", Seconds(options.WithstandRamp)),
            new("step_timeout_s", Seconds(options.StepTimeout)),
            new("insulation_test_voltage_v", (decimal)options.InsulationTestVoltageV),
            new("leakage_limit_ma", (decimal)options.LeakageLimitMa),
            new("water_bath_temperature_c", (decimal)options.WaterBathTemperatureC),
            new("ambient_min_c", (decimal)options.AmbientMinC),
            new("ambient_max_c", (decimal)options.AmbientMaxC),
        ];
        list.AddRange(method.All().Select(c => KeyValuePair.Create(MethodPrefix + c.Key, c.Value.Value)));
        return list;
    }

    /// <summary>A copy of <paramref name="current"/> with every run parameter <paramref name="recorded"/> names.</summary>
    public static BenchOptions Apply(IReadOnlyDictionary<string, decimal> recorded, BenchOptions current) => current with
    {
        ResistanceReadings = recorded.TryGetValue("resistance_readings", out var readings) ? (int)readings : current.ResistanceReadings,
        PollInterval = Duration(recorded, "poll_interval_s", current.PollInterval),
        Electrification = Duration(recorded, "electrification_s", current.Electrification),
        WithstandRamp = Duration(recorded, "withstand_ramp_s", current.WithstandRamp),
        StepTimeout = Duration(recorded, "step_timeout_s", current.StepTimeout),
        InsulationTestVoltageV = Number(recorded, "insulation_test_voltage_v", current.InsulationTestVoltageV),
        LeakageLimitMa = Number(recorded, "leakage_limit_ma", current.LeakageLimitMa),
        WaterBathTemperatureC = Number(recorded, "water_bath_temperature_c", current.WaterBathTemperatureC),
        AmbientMinC = Number(recorded, "ambient_min_c", current.AmbientMinC),
        AmbientMaxC = Number(recorded, "ambient_max_c", current.AmbientMaxC),
    };

    /// <summary>A copy of <paramref name="current"/> with every method constant <paramref name="recorded"/> names (units and sources stay the data's).</summary>
    public static TestMethodConstants Apply(IReadOnlyDictionary<string, decimal> recorded, TestMethodConstants current)
    {
        MethodConstant Get(string name, MethodConstant value) =>
            recorded.TryGetValue(MethodPrefix + name, out var v) && v != value.Value ? value with { Value = v } : value;

        return current with
        {
            AmbientReadings = Get("ambient_readings", current.AmbientReadings),
            AmbientMaxSpreadK = Get("ambient_max_spread_k", current.AmbientMaxSpreadK),
            AmbientMinC = Get("ambient_min_c", current.AmbientMinC),
            AmbientMaxC = Get("ambient_max_c", current.AmbientMaxC),
            WithstandVoltageTolerancePct = Get("withstand_voltage_tolerance_pct", current.WithstandVoltageTolerancePct),
            AcFrequencyMinHz = Get("ac_frequency_min_hz", current.AcFrequencyMinHz),
            AcFrequencyMaxHz = Get("ac_frequency_max_hz", current.AcFrequencyMaxHz),
            AcNominalFrequencyHz = Get("ac_nominal_frequency_hz", current.AcNominalFrequencyHz),
            InsulationTestVoltageV = Get("insulation_test_voltage_v", current.InsulationTestVoltageV),
            ElectrificationS = Get("electrification_s", current.ElectrificationS),
            ResistanceRangeHeadroom = Get("resistance_range_headroom", current.ResistanceRangeHeadroom),
        };
    }

    private static decimal Seconds(TimeSpan duration) => duration.Ticks / (decimal)TimeSpan.TicksPerSecond;

    private static TimeSpan Duration(IReadOnlyDictionary<string, decimal> recorded, string name, TimeSpan current) =>
        recorded.TryGetValue(name, out var seconds) ? TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond)) : current;

    private static double Number(IReadOnlyDictionary<string, decimal> recorded, string name, double current) =>
        recorded.TryGetValue(name, out var value) ? (double)value : current;
}
