namespace CableTest.Runs.Model;

/// <summary>Where a step is. Aborted and interrupted are not failures: the sample was not judged there.</summary>
public enum StepState
{
    Pending,
    Running,

    /// <summary>Finished with a verdict (which may be a fail).</summary>
    Done,

    /// <summary>Finished, but could not produce a verdict (an error outcome).</summary>
    Failed,

    /// <summary>Never started: the run ended before it.</summary>
    Skipped,

    /// <summary>Stopped by a person while it ran.</summary>
    Aborted,

    /// <summary>Stopped by a fault or a crash while it ran.</summary>
    Interrupted,
}
