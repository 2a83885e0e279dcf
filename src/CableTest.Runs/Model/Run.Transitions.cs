namespace CableTest.Runs.Model;

public sealed partial class Run
{
    private static readonly RunState[] Active = [RunState.Pending, RunState.Running, RunState.AwaitingOperator, RunState.Evaluating];

    private void End(RunState state, RunEndingKind kind, StepState runningBecomes, string reason, string? by, DateTimeOffset now)
    {
        var running = _steps.FirstOrDefault(s => s.State == StepState.Running);
        Move(state, kind.ToString(), Active);
        foreach (var step in _steps)
        {
            if (step.State == StepState.Running)
            {
                step.State = runningBecomes;
                step.RemainingS = null;
            }
            else if (step.State == StepState.Pending)
            {
                step.State = StepState.Skipped;
            }
        }

        PendingPrompt = null;
        Outcome = Domain.Verdicts.Outcome.Incomplete;
        Ending = new RunEnding(kind, string.IsNullOrWhiteSpace(reason) ? kind.ToString().ToLowerInvariant() : reason, by, running?.StepId, now);
    }

    private void Move(RunState to, string action, params RunState[] from)
    {
        Require(action, from);
        State = to;
        Version++;
    }

    private void Require(string action, params RunState[] allowed)
    {
        if (!allowed.Contains(State))
        {
            throw Illegal(action, $"the run is {State}, expected {string.Join(" or ", allowed)}");
        }
    }

    private RunStep Running(string action)
    {
        Require(action, RunState.Running, RunState.AwaitingOperator);
        return _steps.FirstOrDefault(s => s.State == StepState.Running) ?? throw Illegal(action, "no step is running");
    }

    private IllegalRunTransitionException Illegal(string action, string why) => new($"run {RunId}: {action} refused: {why}");
}
