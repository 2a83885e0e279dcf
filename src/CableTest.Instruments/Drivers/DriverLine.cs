using CableTest.Instruments.Modbus;
using CableTest.Instruments.Profiles;
using CableTest.Instruments.Scpi;

namespace CableTest.Instruments.Drivers;

/// <summary>
/// What a driver is built on: the instrument's profile, the owner of its line (a SCPI session or a Modbus
/// master, whichever the line is), its Modbus unit and the clock.
/// </summary>
/// <param name="InstrumentId">Configured instrument id (for messages).</param>
/// <param name="Profile">The instrument's profile.</param>
/// <param name="Owner">The line owner: a <see cref="ScpiSession"/> or an <see cref="IModbusMaster"/>.</param>
/// <param name="UnitId">Modbus unit id (ignored for SCPI).</param>
/// <param name="Time">Clock for drivers that wait.</param>
public sealed record DriverLine(string InstrumentId, InstrumentProfile Profile, object Owner, byte UnitId, TimeProvider Time)
{
    /// <summary>The SCPI session, or an error naming the instrument when the line is not one.</summary>
    public ScpiSession Scpi => Owner as ScpiSession
        ?? throw new InvalidOperationException($"instrument {InstrumentId}: profile {Profile.Name} needs a SCPI line, not {Owner.GetType().Name}");

    /// <summary>The Modbus master, or an error naming the instrument when the line is not one.</summary>
    public IModbusMaster Modbus => Owner as IModbusMaster
        ?? throw new InvalidOperationException($"instrument {InstrumentId}: profile {Profile.Name} needs a Modbus line, not {Owner.GetType().Name}");
}
