using CableTest.Domain.Verdicts;
using CableTest.Runs.Model;

namespace CableTest.Runs.Tests.Model;

public sealed class RunTests
{
    private static Run Started()
    {
        var run = Run.Create("run-1", PlanFixtures.Bv25(), "alice", PlanFixtures.T0);
        run.Start();
        return run;
    }

    [Fact]
    public void Run_ThroughEveryStep_CompletesWithDerivedOutcome()
    {
        var run = Started();
        run.BeginStep(0);
        run.CompleteStep();
        run.BeginStep(1);
        run.CompleteStep(PlanFixtures.Result(TestKind.ConductorResistance, Outcome.Fail));
        run.BeginStep(2);
        run.CompleteStep(PlanFixtures.Result(TestKind.VoltageWithstand, Outcome.Pass));
        run.BeginStep(3);
        run.BeginEvaluation();
        run.Complete(PlanFixtures.T0.AddMinutes(9));

        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(Outcome.Fail, run.Outcome);
        Assert.Equal(RunEndingKind.Completed, run.Ending!.Kind);
        Assert.All(run.Steps, s => Assert.Equal(StepState.Done, s.State));
    }

    [Fact]
    public void BeginStep_OutOfOrder_IsIllegal()
    {
        var run = Started();
        Assert.Throws<IllegalRunTransitionException>(() => run.BeginStep(1));
        run.BeginStep(0);
        Assert.Throws<IllegalRunTransitionException>(() => run.BeginStep(0));
    }

    [Fact]
    public void Start_Twice_IsIllegal_AndStateIsKept()
    {
        var run = Started();
        var ex = Assert.Throws<IllegalRunTransitionException>(run.Start);
        Assert.Contains("run-1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(RunState.Running, run.State);
    }

    [Fact]
    public void Abort_DuringWithstand_MarksStepAbortedNotFailed_AndSkipsTheRest()
    {
        var run = Started();
        run.BeginStep(0);
        run.CompleteStep();
        run.BeginStep(1);
        run.CompleteStep(PlanFixtures.Result(TestKind.ConductorResistance, Outcome.Pass));
        run.BeginStep(2);
        run.Abort("aborted by alice: wrong sample", "alice", PlanFixtures.T0.AddMinutes(3));

        Assert.Equal(RunState.Aborted, run.State);
        Assert.Equal(Outcome.Incomplete, run.Outcome);
        Assert.Equal(StepState.Aborted, run.Steps[2].State);
        Assert.Equal(StepState.Skipped, run.Steps[3].State);
        Assert.Equal(("vw", "alice", RunEndingKind.Aborted), (run.Ending!.StepId, run.Ending.By, run.Ending.Kind));
    }

    [Fact]
    public void Fault_InterruptsTheRunningStep()
    {
        var run = Started();
        run.BeginStep(0);
        run.Fault("ambient sensor stopped answering", PlanFixtures.T0);
        Assert.Equal(RunState.Incomplete, run.State);
        Assert.Equal(StepState.Interrupted, run.Steps[0].State);
        Assert.Equal(RunEndingKind.Faulted, run.Ending!.Kind);
    }

    [Fact]
    public void EndedRun_CannotEndAgain_OrMove()
    {
        var run = Started();
        run.Abort("stop", "bob", PlanFixtures.T0);
        Assert.Throws<IllegalRunTransitionException>(() => run.Fault("late fault", PlanFixtures.T0));
        Assert.Throws<IllegalRunTransitionException>(() => run.CloseInterrupted("restart", PlanFixtures.T0));
        Assert.Throws<IllegalRunTransitionException>(() => run.BeginStep(0));
        Assert.Equal(RunEndingKind.Aborted, run.Ending!.Kind);
    }

    [Fact]
    public void Prompt_MustBeAnsweredByItsId()
    {
        var run = Started();
        run.BeginStep(0);
        run.AwaitOperator(new OperatorPrompt("p-1", PromptKind.ConnectCore, "Connect core 1", PlanFixtures.T0));
        Assert.Throws<IllegalRunTransitionException>(() => run.OperatorAnswered("p-2"));
        Assert.Throws<IllegalRunTransitionException>(run.BeginEvaluation);
        run.OperatorAnswered("p-1");
        Assert.Equal(RunState.Running, run.State);
        Assert.Null(run.PendingPrompt);
    }

    [Fact]
    public void BeginEvaluation_WithAnOpenTestStep_IsIllegal()
    {
        var run = Started();
        run.BeginStep(0);
        Assert.Throws<IllegalRunTransitionException>(run.BeginEvaluation);
    }

    [Fact]
    public void CloseInterrupted_AfterRestore_KeepsStepsAndRecordsHighVoltage()
    {
        var run = Started();
        run.BeginStep(0);
        run.CompleteStep();
        run.BeginStep(1);
        var restored = Run.Restore(run.ToSnapshot());
        restored.CloseInterrupted("interrupted (service stopped or crashed)", PlanFixtures.T0.AddHours(1));
        restored.NoteHighVoltageOff(true);

        Assert.Equal(StepState.Done, restored.Steps[0].State);
        Assert.Equal(StepState.Interrupted, restored.Steps[1].State);
        Assert.Equal(RunEndingKind.Interrupted, restored.Ending!.Kind);
        Assert.True(restored.Ending.HighVoltageConfirmedOff);
        Assert.True(restored.Version > run.Version);
    }

    [Fact]
    public void ErrorVerdict_MakesTheStepFailed()
    {
        var run = Started();
        run.BeginStep(0);
        run.CompleteStep();
        run.BeginStep(1);
        run.CompleteStep(PlanFixtures.Result(TestKind.ConductorResistance, Outcome.Error));
        Assert.Equal(StepState.Failed, run.Steps[1].State);
    }
}
