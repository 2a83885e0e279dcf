using CableTest.Domain.Verdicts;
using CableTest.Runs.Plan;

namespace CableTest.Runs.Model;

/// <summary>
/// The run aggregate: one sample through its test plan on one bench. Every state change goes through a
/// method here that guards it (an illegal change throws <see cref="IllegalRunTransitionException"/>);
/// each ending is recorded once, with who, why and at which step.
/// </summary>
public sealed partial class Run
{
    private readonly List<RunStep> _steps;

    private Run(string runId, TestPlan plan, string operatorName, DateTimeOffset startedAt)
    {
        RunId = runId;
        Plan = plan;
        OperatorName = operatorName;
        StartedAt = startedAt;
        _steps = [.. plan.Steps.Select(s => new RunStep(s.StepId, s.Kind, s.Core, s.Title))];
    }

    public string RunId { get; }

    /// <summary>The checked plan the run follows (sample, requirements, settings, steps).</summary>
    public TestPlan Plan { get; }

    public string SampleId => Plan.Sample.SampleId;

    public string OperatorName { get; }

    public DateTimeOffset StartedAt { get; }

    public RunState State { get; private set; } = RunState.Pending;

    public IReadOnlyList<RunStep> Steps => _steps;

    /// <summary>Index of the step executing (or last executed), -1 before the first.</summary>
    public int CurrentStep { get; private set; } = -1;

    public OperatorPrompt? PendingPrompt { get; private set; }

    /// <summary>Sample outcome: set when completed (derived from the tests), <see cref="Outcome.Incomplete"/> for every other ending.</summary>
    public Outcome? Outcome { get; private set; }

    /// <summary>How the run ended; null while it runs.</summary>
    public RunEnding? Ending { get; private set; }

    /// <summary>Counts every change: stores use it to keep the newest document.</summary>
    public long Version { get; private set; }

    public bool IsEnded => State is RunState.Completed or RunState.Aborted or RunState.Incomplete;

    /// <summary>The verdicts the steps produced so far, in step order.</summary>
    public IReadOnlyList<TestVerdict> TestVerdicts => [.. _steps.Where(s => s.Result is not null).Select(s => s.Result!.Verdict)];

    /// <summary>A new run of a checked plan, pending.</summary>
    public static Run Create(string runId, TestPlan plan, string operatorName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(plan);
        return new Run(runId, plan, operatorName, now);
    }

    /// <summary>Pending → running: the bench is ours and the first step may begin.</summary>
    public void Start() => Move(RunState.Running, nameof(Start), RunState.Pending);

    /// <summary>Begins the next step (steps run in plan order, each once).</summary>
    public RunStep BeginStep(int index)
    {
        Require(nameof(BeginStep), RunState.Running);
        if (index != CurrentStep + 1 || index >= _steps.Count)
        {
            throw Illegal(nameof(BeginStep), $"step {index} is not next (current {CurrentStep} of {_steps.Count})");
        }

        CurrentStep = index;
        var step = _steps[index];
        step.State = StepState.Running;
        Version++;
        return step;
    }

    /// <summary>Progress of the running step (0..1, clamped) and the seconds left when known.</summary>
    public void ReportProgress(double progress, double? remainingS)
    {
        var step = Running(nameof(ReportProgress));
        step.Progress = double.IsFinite(progress) ? Math.Clamp(progress, 0, 1) : step.Progress;
        step.RemainingS = remainingS is { } r && double.IsFinite(r) ? Math.Max(0, r) : null;
        Version++;
    }

    /// <summary>The running step produced its verdict: done (or failed when the verdict is an error).</summary>
    public void CompleteStep(StepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var step = Running(nameof(CompleteStep));
        step.Result = result;
        step.State = result.Verdict.Outcome == Domain.Verdicts.Outcome.Error ? StepState.Failed : StepState.Done;
        step.Progress = 1;
        step.RemainingS = null;
        Version++;
    }

    /// <summary>The running step finished without a verdict of its own (the ambient check).</summary>
    public void CompleteStep()
    {
        var step = Running(nameof(CompleteStep));
        step.State = StepState.Done;
        step.Progress = 1;
        step.RemainingS = null;
        Version++;
    }

    /// <summary>Running → awaiting the operator.</summary>
    public void AwaitOperator(OperatorPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Move(RunState.AwaitingOperator, nameof(AwaitOperator), RunState.Running);
        PendingPrompt = prompt;
    }

    /// <summary>Awaiting the operator → running, once the pending prompt is answered.</summary>
    public void OperatorAnswered(string promptId)
    {
        if (PendingPrompt?.PromptId != promptId)
        {
            throw Illegal(nameof(OperatorAnswered), $"prompt {promptId} is not pending");
        }

        Move(RunState.Running, nameof(OperatorAnswered), RunState.AwaitingOperator);
        PendingPrompt = null;
    }

    /// <summary>Running → evaluating: every step before the evaluation is finished.</summary>
    public void BeginEvaluation()
    {
        var open = _steps.FirstOrDefault(s => s.Kind != StepKind.Evaluate && !s.IsFinished);
        if (open is not null)
        {
            throw Illegal(nameof(BeginEvaluation), $"step {open.StepId} is {open.State}");
        }

        Move(RunState.Evaluating, nameof(BeginEvaluation), RunState.Running);
    }

    /// <summary>Evaluating → completed with the sample outcome derived from the tests.</summary>
    public void Complete(DateTimeOffset now)
    {
        Move(RunState.Completed, nameof(Complete), RunState.Evaluating);
        foreach (var step in _steps.Where(s => s.Kind == StepKind.Evaluate && !s.IsFinished))
        {
            step.State = StepState.Done;
            step.Progress = 1;
        }

        Outcome = SampleVerdict.Derive(TestVerdicts).Outcome;
        Ending = new RunEnding(RunEndingKind.Completed, "", null, null, now);
    }

    /// <summary>A person (or a shutdown) stopped the run: aborted; the running step is aborted, the rest skipped.</summary>
    public void Abort(string reason, string? by, DateTimeOffset now) => End(RunState.Aborted, RunEndingKind.Aborted, StepState.Aborted, reason, by, now);

    /// <summary>A fault stopped the run: incomplete; the running step is interrupted, the rest skipped.</summary>
    public void Fault(string reason, DateTimeOffset now) => End(RunState.Incomplete, RunEndingKind.Faulted, StepState.Interrupted, reason, null, now);

    /// <summary>Closes a run a crash left open (at the next start): incomplete, interrupted.</summary>
    public void CloseInterrupted(string reason, DateTimeOffset now) => End(RunState.Incomplete, RunEndingKind.Interrupted, StepState.Interrupted, reason, null, now);

    /// <summary>Records whether high voltage was confirmed off after the run (every ending asks).</summary>
    public void NoteHighVoltageOff(bool confirmed)
    {
        if (Ending is null)
        {
            throw Illegal(nameof(NoteHighVoltageOff), "the run has not ended");
        }

        Ending = Ending with { HighVoltageConfirmedOff = confirmed };
        Version++;
    }
}
