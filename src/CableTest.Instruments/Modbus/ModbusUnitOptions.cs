namespace CableTest.Instruments.Modbus;

/// <summary>Per-unit overrides of <see cref="ModbusMasterOptions"/>.</summary>
public sealed class ModbusUnitOptions
{
    /// <summary>Device identity in recordings and errors (default <c>unit N</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Reply deadline for this unit (default <see cref="ModbusMasterOptions.Timeout"/>).</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Least time between the end of one exchange with this unit and the start of the next (slow devices).</summary>
    public TimeSpan? MinimumGap { get; set; }
}
