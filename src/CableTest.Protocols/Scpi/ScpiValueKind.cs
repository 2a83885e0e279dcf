namespace CableTest.Protocols.Scpi;

/// <summary>What a numeric SCPI reply field means.</summary>
public enum ScpiValueKind
{
    /// <summary>A finite reading.</summary>
    Number,
    /// <summary>9.9E37: the reading is over range (IEEE 488.2 / SCPI 1999 7.2.1.5).</summary>
    Overflow,
    /// <summary>-9.9E37: under range (negative overflow).</summary>
    NegativeOverflow,
    /// <summary>9.91E37: not a number (no valid reading).</summary>
    NotANumber,
}
