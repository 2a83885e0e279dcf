namespace CableTest.Domain.Standards.Loading;

/// <summary>
/// Reads the "test_method" file: each constant under "constants" is <c>{"value", "unit", "tag", "src"}</c>
/// with the unit its name implies; windows must be ordered and the nominal frequency inside its window.
/// </summary>
internal static class TestMethodReader
{
    public static TestMethodConstants Read(DataNode root)
    {
        var constants = root.Child("constants");
        MethodConstant Get(string name, string unit, decimal min, decimal max, bool integer = false)
        {
            var node = constants.Child(name);
            var value = node.Dec("value");
            var given = node.Str("unit");
            if (!string.Equals(given, unit, StringComparison.Ordinal))
            {
                throw node.Error($"unit '{given}' is not '{unit}'");
            }

            if (value < min || value > max)
            {
                throw node.Error(System.FormattableString.Invariant($"value {value} {unit} is outside the plausible range {min}-{max}"));
            }

            if (integer && value != decimal.Truncate(value))
            {
                throw node.Error(System.FormattableString.Invariant($"value {value} must be a whole number"));
            }

            return new MethodConstant(value, unit, node.Provenance());
        }

        var method = new TestMethodConstants(
            root.Str("standard"),
            root.Str("edition"),
            Get("ambient_readings", "readings", 1, 100, integer: true),
            Get("ambient_max_spread_k", "K", 0, 10),
            Get("ambient_min_c", "degC", -20, 100),
            Get("ambient_max_c", "degC", -20, 100),
            Get("withstand_voltage_tolerance_pct", "%", 0, 20),
            Get("ac_frequency_min_hz", "Hz", 1, 1000),
            Get("ac_frequency_max_hz", "Hz", 1, 1000),
            Get("ac_nominal_frequency_hz", "Hz", 1, 1000),
            Get("insulation_test_voltage_v", "V DC", 1, 100_000),
            Get("electrification_s", "s", 1, 3600),
            Get("resistance_range_headroom", "x", 1, 100));
        if (method.AmbientMinC.Value >= method.AmbientMaxC.Value)
        {
            throw constants.Child("ambient_min_c").Error("must be below ambient_max_c");
        }

        if (method.AcFrequencyMinHz.Value >= method.AcFrequencyMaxHz.Value)
        {
            throw constants.Child("ac_frequency_min_hz").Error("must be below ac_frequency_max_hz");
        }

        var nominal = method.AcNominalFrequencyHz.Value;
        return nominal >= method.AcFrequencyMinHz.Value && nominal <= method.AcFrequencyMaxHz.Value
            ? method
            : throw constants.Child("ac_nominal_frequency_hz").Error("must lie within ac_frequency_min_hz..ac_frequency_max_hz");
    }
}
