using CableTest.HardwareSim.Serving;

namespace CableTest.HardwareSim.Scenarios;

/// <summary>A fault to inject on a device (at start, from a scenario or options; or at run time).</summary>
/// <param name="Role">Device role ("conductor_resistance_meter", "insulation_tester", "withstand_tester", "ambient_sensor").</param>
/// <param name="Kind">What goes wrong.</param>
/// <param name="Parameter">Latency ms, Modbus exception code, SCPI error number or seconds down (see <see cref="FaultKind"/>).</param>
/// <param name="Count">Exchanges affected; 0 until cleared.</param>
public sealed record FaultDefinition(string Role, FaultKind Kind, double Parameter = 0, int Count = 0);
