namespace CableTest.Instruments.Drivers;

/// <summary>Test voltage kind.</summary>
public enum WithstandKind
{
    /// <summary>AC, 49–61 Hz.</summary>
    Ac,
    /// <summary>DC.</summary>
    Dc,
}
