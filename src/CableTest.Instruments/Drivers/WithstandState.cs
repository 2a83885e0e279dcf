namespace CableTest.Instruments.Drivers;

/// <summary>Where the tester is in its program.</summary>
public enum WithstandState
{
    /// <summary>Output off, nothing running.</summary>
    Idle,
    /// <summary>Raising the voltage.</summary>
    RampUp,
    /// <summary>Holding the test voltage.</summary>
    Dwell,
    /// <summary>Lowering the voltage.</summary>
    RampDown,
    /// <summary>Program finished (see the outcome).</summary>
    Complete,
    /// <summary>Stopped by a trip, the interlock or a stop command (see the outcome).</summary>
    Stopped,
}
