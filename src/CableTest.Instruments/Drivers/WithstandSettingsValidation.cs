namespace CableTest.Instruments.Drivers;

/// <summary>Bounds every withstand driver enforces before touching the tester.</summary>
public static class WithstandSettingsValidation
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad setting.</summary>
    public static void Validate(WithstandSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Check(settings.VoltageKv > 0 && settings.VoltageKv <= 100, nameof(settings.VoltageKv), settings.VoltageKv, "(0, 100] kV");
        Check(settings.Kind == WithstandKind.Dc || (settings.FrequencyHz >= 45 && settings.FrequencyHz <= 65), nameof(settings.FrequencyHz), settings.FrequencyHz, "45–65 Hz for AC");
        Check(settings.RampUp >= TimeSpan.Zero && settings.RampUp <= TimeSpan.FromMinutes(10), nameof(settings.RampUp), settings.RampUp, "0–10 min");
        Check(settings.Dwell > TimeSpan.Zero && settings.Dwell <= TimeSpan.FromHours(4), nameof(settings.Dwell), settings.Dwell, "(0, 4 h]");
        Check(settings.RampDown >= TimeSpan.Zero && settings.RampDown <= TimeSpan.FromMinutes(10), nameof(settings.RampDown), settings.RampDown, "0–10 min");
        Check(settings.LeakageLimitMa > 0 && settings.LeakageLimitMa <= 1000, nameof(settings.LeakageLimitMa), settings.LeakageLimitMa, "(0, 1000] mA");
    }

    private static void Check(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be within {range}");
        }
    }
}
