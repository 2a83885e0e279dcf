namespace CableTest.Instruments.Recording;

/// <summary>
/// One instrument of the bench a recording was made on, as the header lists it: what a replay needs to drive the
/// same driver against the same recorded line.
/// </summary>
/// <param name="Id">Configured instrument id; the <see cref="ExchangeRecord.Device"/> of its exchanges.</param>
/// <param name="Role">conductor_resistance_meter, insulation_tester, withstand_tester or ambient_sensor.</param>
/// <param name="Profile">Instrument profile the driver used.</param>
/// <param name="Protocol"><c>scpi</c>, <c>modbus-rtu</c> or <c>modbus-tcp</c>.</param>
/// <param name="Line">The <see cref="ExchangeRecord.Line"/> its exchanges were recorded on.</param>
/// <param name="UnitId">Modbus unit id (0 for SCPI).</param>
public sealed record RecordedInstrument(string Id, string Role, string Profile, string Protocol, string Line, int UnitId);
