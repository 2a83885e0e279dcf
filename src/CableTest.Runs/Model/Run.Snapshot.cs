namespace CableTest.Runs.Model;

public sealed partial class Run
{
    /// <summary>The run's state as data, for the store.</summary>
    public RunSnapshot ToSnapshot() => new(
        RunId, Plan, OperatorName, StartedAt, State, CurrentStep,
        [.. _steps.Select(s => new StepSnapshot(s.State, s.Progress, s.RemainingS, s.Result))],
        PendingPrompt, Outcome, Ending, Version);

    /// <summary>A stored run, as it was saved (the steps must match the plan's).</summary>
    public static Run Restore(RunSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Steps.Count != snapshot.Plan.Steps.Count)
        {
            throw new ArgumentException($"run {snapshot.RunId}: {snapshot.Steps.Count} stored steps for a plan of {snapshot.Plan.Steps.Count}", nameof(snapshot));
        }

        var run = new Run(snapshot.RunId, snapshot.Plan, snapshot.OperatorName, snapshot.StartedAt)
        {
            State = snapshot.State,
            CurrentStep = snapshot.CurrentStep,
            PendingPrompt = snapshot.PendingPrompt,
            Outcome = snapshot.Outcome,
            Ending = snapshot.Ending,
            Version = snapshot.Version,
        };
        for (var i = 0; i < snapshot.Steps.Count; i++)
        {
            var (step, stored) = (run._steps[i], snapshot.Steps[i]);
            step.State = stored.State;
            step.Progress = stored.Progress;
            step.RemainingS = stored.RemainingS;
            step.Result = stored.Result;
        }

        return run;
    }
}
