namespace CableTest.Instruments.Drivers;

/// <summary>How to measure insulation resistance (GB/T 3048.5).</summary>
/// <param name="TestVoltageV">DC test voltage (80–500 V in the method, typically 500 V).</param>
/// <param name="ElectrificationTime">Time under voltage before the reading that counts (typically 1 min).</param>
public sealed record InsulationTesterSettings(double TestVoltageV, TimeSpan ElectrificationTime);
