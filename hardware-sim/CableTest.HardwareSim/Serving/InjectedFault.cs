namespace CableTest.HardwareSim.Serving;

/// <summary>An active fault on one device.</summary>
/// <param name="Id">Identity returned to whoever injected it.</param>
/// <param name="Kind">What goes wrong.</param>
/// <param name="Parameter">Latency ms, exception code, SCPI error number, seconds down.</param>
/// <param name="Remaining">Exchanges still to affect; 0 until cleared.</param>
public sealed record InjectedFault(string Id, FaultKind Kind, double Parameter, int Remaining);
