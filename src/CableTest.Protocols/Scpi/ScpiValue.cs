namespace CableTest.Protocols.Scpi;

/// <summary>A numeric reply field: a reading, or one of SCPI's sentinel values.</summary>
/// <param name="Value">The number as sent (for sentinels, the sentinel itself).</param>
/// <param name="Kind">Whether it is a finite reading or an over-range / not-a-number sentinel.</param>
public readonly record struct ScpiValue(double Value, ScpiValueKind Kind)
{
    /// <summary>True when <see cref="Kind"/> is <see cref="ScpiValueKind.Number"/>.</summary>
    public bool IsReading => Kind == ScpiValueKind.Number;

    /// <summary>The finite reading, or an exception naming the sentinel (never a silent 9.9E37 as a value).</summary>
    public double RequireReading(string quantity) => Kind switch
    {
        ScpiValueKind.Number => Value,
        ScpiValueKind.Overflow => throw new ScpiParseException($"{quantity}: instrument reports over range (9.9E37)"),
        ScpiValueKind.NegativeOverflow => throw new ScpiParseException($"{quantity}: instrument reports under range (-9.9E37)"),
        _ => throw new ScpiParseException($"{quantity}: instrument reports not-a-number (9.91E37)"),
    };
}
