namespace CableTest.HardwareSim.Physics;

/// <summary>A withstand program as the tester's holding registers hold it, in SI-ish units.</summary>
/// <param name="Dc">DC instead of AC.</param>
/// <param name="FrequencyHz">AC frequency.</param>
/// <param name="VoltageV">Test voltage.</param>
/// <param name="RampUpS">Ramp-up time.</param>
/// <param name="DwellS">Dwell time.</param>
/// <param name="RampDownS">Ramp-down time.</param>
/// <param name="LeakageLimitMa">Trip above this current.</param>
/// <param name="ArcDetection">Arc detection enabled.</param>
public sealed record WithstandProgram(bool Dc, double FrequencyHz, double VoltageV, double RampUpS, double DwellS, double RampDownS, double LeakageLimitMa, bool ArcDetection)
{
    /// <summary>Program length without a trip.</summary>
    public double TotalS => RampUpS + DwellS + RampDownS;

    /// <summary>Null when the tester accepts the program, else why not.</summary>
    public string? Problem() =>
        !double.IsFinite(VoltageV) || VoltageV <= 0 || VoltageV > 10_000 ? "voltage must be within (0, 10000] V"
        : !Dc && (FrequencyHz < 45 || FrequencyHz > 65) ? "AC frequency must be within 45..65 Hz"
        : !double.IsFinite(RampUpS) || RampUpS < 0 || RampUpS > 600 ? "ramp-up must be within 0..600 s"
        : !double.IsFinite(DwellS) || DwellS <= 0 || DwellS > 86_400 ? "dwell must be within (0, 86400] s"
        : !double.IsFinite(RampDownS) || RampDownS < 0 || RampDownS > 600 ? "ramp-down must be within 0..600 s"
        : !double.IsFinite(LeakageLimitMa) || LeakageLimitMa <= 0 || LeakageLimitMa > 200 ? "leakage limit must be within (0, 200] mA"
        : null;
}
