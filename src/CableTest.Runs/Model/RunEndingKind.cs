namespace CableTest.Runs.Model;

/// <summary>How a run ended.</summary>
public enum RunEndingKind
{
    /// <summary>Every step ran and the sample verdict was derived.</summary>
    Completed,

    /// <summary>A person stopped it (abort, declined prompt) or the service shut down.</summary>
    Aborted,

    /// <summary>A fault stopped it (instrument lost, garbled replies, store outage).</summary>
    Faulted,

    /// <summary>A crash left it open; closed at the next start.</summary>
    Interrupted,
}
