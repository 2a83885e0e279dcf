using CableTest.Domain.Instruments;
using CableTest.Instruments.Drivers;

namespace CableTest.Instruments.Profiles;

/// <summary>A driver description loaded from a data file: a new model is a new profile, not new code.</summary>
/// <param name="Name">Unique profile name (e.g. <c>keysight-34465a</c>, <c>sim-ohm</c>).</param>
/// <param name="Role">What the instrument does.</param>
/// <param name="Protocol">"scpi", "modbus-rtu" or "modbus-tcp".</param>
/// <param name="Source">Model and manual.</param>
/// <param name="Serial">Factory serial settings, when it has a serial port.</param>
/// <param name="Scpi">Command set, for SCPI instruments.</param>
/// <param name="Modbus">Register map, for Modbus instruments.</param>
/// <param name="File">The data file it came from.</param>
public sealed record InstrumentProfile(
    string Name,
    InstrumentRole Role,
    string Protocol,
    ProfileSource Source,
    SerialDefaults? Serial,
    ScpiProfile? Scpi,
    ModbusProfile? Modbus,
    string File)
{
    /// <summary><see cref="Protocol"/> typed (the catalogue accepts no other name).</summary>
    public InstrumentProtocol ProtocolKind =>
        InstrumentProtocols.TryParse(Protocol, out var protocol) ? protocol : throw new InvalidOperationException($"profile {Name}: protocol '{Protocol}' is not {InstrumentProtocols.Choices}");

    /// <summary>True for "modbus-rtu" and "modbus-tcp".</summary>
    public bool IsModbus => ProtocolKind.IsModbus();

    /// <summary>
    /// The instrument's accuracy specification per quantity and range (the "accuracy" part of the data file), what the
    /// verdict's uncertainty budget is built from; <see cref="ProfileAccuracy.None"/> when the file gives none.
    /// </summary>
    public ProfileAccuracy Accuracy { get; init; } = ProfileAccuracy.None;
}
