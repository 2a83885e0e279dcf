namespace CableTest.Instruments.Drivers;

/// <summary>Who answered: what goes into the evidence beside each measurement.</summary>
/// <param name="Manufacturer">As reported by the instrument (or the profile when it cannot report).</param>
/// <param name="Model">Model.</param>
/// <param name="SerialNumber">Serial number ("" when unknown).</param>
/// <param name="Firmware">Firmware ("" when unknown).</param>
/// <param name="Profile">Profile name used to drive it.</param>
public sealed record InstrumentIdentity(string Manufacturer, string Model, string SerialNumber, string Firmware, string Profile);
