namespace CableTest.HardwareSim;

/// <summary>One device the bench serves, as the manifest and <c>GetEndpoints</c> name it.</summary>
/// <param name="Role">"conductor_resistance_meter", "insulation_tester", "withstand_tester", "ambient_sensor" (replay: the recorded device).</param>
/// <param name="Protocol">"scpi", "modbus-rtu" or "modbus-tcp".</param>
/// <param name="Address">Serial device path (stable symlink) or host:port.</param>
/// <param name="UnitId">Modbus unit id (0 for SCPI).</param>
/// <param name="Profile">Instrument profile the drivers use (sim-ohm, sim-megger, sim-hipot, sim-ambient).</param>
/// <param name="Endpoint">What <c>ChannelEndpoint.Parse</c> understands, e.g. <c>serial:///tmp/sim/ohm?baud=9600&amp;parity=none&amp;databits=8&amp;stopbits=1</c>.</param>
public sealed record SimulatedEndpoint(string Role, string Protocol, string Address, int UnitId, string Profile, string Endpoint);
