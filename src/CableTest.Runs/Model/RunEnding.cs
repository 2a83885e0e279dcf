namespace CableTest.Runs.Model;

/// <summary>How, when, by whom and where a run ended, and whether high voltage was confirmed off after it.</summary>
/// <param name="Kind">Completed, aborted, faulted or interrupted.</param>
/// <param name="Reason">In words, e.g. "aborted by alice: wrong sample".</param>
/// <param name="By">Who ended it (operator), or null for a fault or a crash.</param>
/// <param name="StepId">The step that was running, or null.</param>
/// <param name="At">When it ended.</param>
public sealed record RunEnding(RunEndingKind Kind, string Reason, string? By, string? StepId, DateTimeOffset At)
{
    /// <summary>True once the withstand output was confirmed off after the run; false when it could not be; null before the check.</summary>
    public bool? HighVoltageConfirmedOff { get; init; }
}
