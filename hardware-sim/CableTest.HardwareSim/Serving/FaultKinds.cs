namespace CableTest.HardwareSim.Serving;

/// <summary>Wire names of <see cref="FaultKind"/>.</summary>
public static class FaultKinds
{
    private static readonly (string Name, FaultKind Kind)[] Names =
    [
        ("latency", FaultKind.Latency), ("no_reply", FaultKind.NoReply), ("partial_frame", FaultKind.PartialFrame),
        ("garbled", FaultKind.Garbled), ("bad_crc", FaultKind.BadCrc), ("modbus_exception", FaultKind.ModbusException),
        ("disconnect", FaultKind.Disconnect), ("scpi_error", FaultKind.ScpiError),
    ];

    /// <summary>Every name, for error messages.</summary>
    public static string Known => string.Join(", ", Names.Select(n => n.Name));

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string? name, out FaultKind kind)
    {
        foreach (var (n, k) in Names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The wire name.</summary>
    public static string Name(FaultKind kind) => Names.First(n => n.Kind == kind).Name;
}
