namespace CableTest.Instruments.Drivers;

/// <summary>A voltage withstand test program (GB/T 3048.8).</summary>
/// <param name="Kind">AC or DC.</param>
/// <param name="VoltageKv">Test voltage.</param>
/// <param name="FrequencyHz">AC frequency (ignored for DC).</param>
/// <param name="RampUp">Time to raise the voltage from a low value.</param>
/// <param name="Dwell">Time held at the test voltage.</param>
/// <param name="RampDown">Time to lower it.</param>
/// <param name="LeakageLimitMa">Trip above this leakage current.</param>
/// <param name="ArcDetection">Trip on arcing.</param>
public sealed record WithstandSettings(WithstandKind Kind, double VoltageKv, double FrequencyHz, TimeSpan RampUp, TimeSpan Dwell, TimeSpan RampDown, double LeakageLimitMa, bool ArcDetection);
