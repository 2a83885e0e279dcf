namespace CableTest.HardwareSim.Replay;

/// <summary>When a replayed reply is sent.</summary>
public enum ReplayTiming
{
    /// <summary>The recorded duration after the request arrived.</summary>
    Recorded,

    /// <summary>At once.</summary>
    Fast,
}
