namespace CableTest.Runs.Model;

/// <summary>One step of a run. Changed only by its <see cref="Run"/>.</summary>
public sealed class RunStep
{
    internal RunStep(string stepId, StepKind kind, string core, string title)
    {
        StepId = stepId;
        Kind = kind;
        Core = core;
        Title = title;
    }

    /// <summary>e.g. "ambient", "cr-1", "ir-2", "vw", "evaluate".</summary>
    public string StepId { get; }

    public StepKind Kind { get; }

    /// <summary>"" (none), "1".."n", or "all".</summary>
    public string Core { get; }

    public string Title { get; }

    public StepState State { get; internal set; } = StepState.Pending;

    /// <summary>0..1 within the step.</summary>
    public double Progress { get; internal set; }

    /// <summary>Seconds left in a dwell or electrification (instrument time), when the step knows.</summary>
    public double? RemainingS { get; internal set; }

    /// <summary>The verdict and evidence, once the step produced one.</summary>
    public StepResult? Result { get; internal set; }

    /// <summary>True for a step that will not change again.</summary>
    public bool IsFinished => State is StepState.Done or StepState.Failed or StepState.Skipped or StepState.Aborted or StepState.Interrupted;

    /// <summary>The core as a number, or null for "" and "all".</summary>
    public int? CoreNumber => int.TryParse(Core, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
