using CableTest.Contracts.V1;
using static System.FormattableString;

namespace CableTest.Cli.Runs;

/// <summary>Step labels and dwell times shared by both displays.</summary>
internal static class StepText
{
    public static string Label(RunStep step) =>
        string.IsNullOrWhiteSpace(step.Title) ? step.Kind + (step.Core.Length > 0 ? " core " + step.Core : "") : step.Title;

    public static string State(RunStep.Types.State state) => state switch
    {
        RunStep.Types.State.Pending => "pending",
        RunStep.Types.State.Running => "running",
        RunStep.Types.State.Done => "done",
        RunStep.Types.State.Failed => "failed",
        RunStep.Types.State.Skipped => "skipped",
        RunStep.Types.State.Aborted => "aborted (not judged)",
        RunStep.Types.State.Interrupted => "interrupted (not judged)",
        _ => "",
    };

    public static string RunState(Contracts.V1.RunState state) => state switch
    {
        Contracts.V1.RunState.Pending => "pending",
        Contracts.V1.RunState.Running => "running",
        Contracts.V1.RunState.AwaitingOperator => "awaiting operator",
        Contracts.V1.RunState.Evaluating => "evaluating",
        Contracts.V1.RunState.Completed => "completed",
        Contracts.V1.RunState.Aborted => "aborted",
        Contracts.V1.RunState.Incomplete => "incomplete",
        _ => "unspecified",
    };

    /// <summary>"2:31 left" for a step in a dwell or electrification, empty otherwise.</summary>
    public static string Remaining(RunStep step)
    {
        if (!step.HasRemainingS || step.State != RunStep.Types.State.Running)
        {
            return "";
        }

        var left = TimeSpan.FromSeconds(Math.Max(0, Math.Ceiling(step.RemainingS)));
        return Invariant($"{(int)left.TotalMinutes}:{left.Seconds:00} left");
    }

    /// <summary>The step a reading belongs to: its own step_id, or the run's current step when the service gave none.</summary>
    public static string? StepOf(Reading reading, Run? run)
    {
        if (reading.StepId.Length > 0)
        {
            return reading.StepId;
        }

        return run is not null && run.CurrentStep >= 0 && run.CurrentStep < run.Steps.Count ? run.Steps[run.CurrentStep].StepId : null;
    }

    public static bool IsTerminal(Contracts.V1.RunState state) =>
        state is Contracts.V1.RunState.Completed or Contracts.V1.RunState.Aborted or Contracts.V1.RunState.Incomplete;
}
