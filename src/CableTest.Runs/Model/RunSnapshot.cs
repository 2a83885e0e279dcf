using CableTest.Domain.Verdicts;
using CableTest.Runs.Plan;

namespace CableTest.Runs.Model;

/// <summary>Everything a stored run needs to come back as a <see cref="Run"/> (see <see cref="Run.Restore"/>).</summary>
public sealed record RunSnapshot(
    string RunId,
    TestPlan Plan,
    string OperatorName,
    DateTimeOffset StartedAt,
    RunState State,
    int CurrentStep,
    IReadOnlyList<StepSnapshot> Steps,
    OperatorPrompt? PendingPrompt,
    Outcome? Outcome,
    RunEnding? Ending,
    long Version);

/// <summary>A stored step.</summary>
public sealed record StepSnapshot(StepState State, double Progress, double? RemainingS, StepResult? Result);
