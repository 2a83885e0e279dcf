namespace CableTest.Instruments.Drivers;

/// <summary>How to measure conductor resistance (GB/T 3048.4).</summary>
/// <param name="RangeOhm">Full-scale range; the driver picks the instrument range that covers it.</param>
/// <param name="FourWire">Kelvin (4-wire) connection: always true for conductor resistance.</param>
/// <param name="ReverseCurrentAveraging">Average forward and reverse current readings to cancel thermal EMF.</param>
public sealed record ResistanceMeterSettings(double RangeOhm, bool FourWire = true, bool ReverseCurrentAveraging = true);
