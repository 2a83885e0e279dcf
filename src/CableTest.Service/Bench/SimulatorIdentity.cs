using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Bench;

/// <summary>An instrument that answered *IDN? as the CableTest simulator ("CableTest,MODEL,SIM…"), wherever it runs.</summary>
internal static class SimulatorIdentity
{
    public static bool Is(V1.InstrumentIdentity? identity) =>
        identity is not null
        && string.Equals(identity.Manufacturer, "CableTest", StringComparison.OrdinalIgnoreCase)
        && identity.SerialNumber.StartsWith("SIM", StringComparison.Ordinal);
}
