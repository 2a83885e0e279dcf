namespace CableTest.Instruments.Drivers;

/// <summary>How a withstand program ended, as the tester reports it.</summary>
public enum WithstandOutcome
{
    /// <summary>Not finished.</summary>
    None,
    /// <summary>Full program completed without a trip.</summary>
    Pass,
    /// <summary>Leakage current above the limit (HI fail).</summary>
    High,
    /// <summary>Leakage current below the minimum (LO fail: open circuit).</summary>
    Low,
    /// <summary>Arc detected.</summary>
    Arc,
    /// <summary>Breakdown (flashover).</summary>
    Breakdown,
    /// <summary>Interlock opened: output dropped.</summary>
    Interlock,
    /// <summary>Stopped by command.</summary>
    Aborted,
}
