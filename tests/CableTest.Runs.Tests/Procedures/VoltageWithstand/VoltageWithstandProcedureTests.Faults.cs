using CableTest.Instruments;
using CableTest.Instruments.Drivers;
using CableTest.Runs.Procedures;
using CableTest.Runs.Procedures.VoltageWithstand;
using CableTest.Runs.Tests.Procedures.Fakes;

namespace CableTest.Runs.Tests.Procedures.VoltageWithstand;

public sealed partial class VoltageWithstandProcedureTests
{
    [Fact]
    public async Task RunAsync_VoltageNotANumberMidDwell_ThrowsTypedOutputOff()
    {
        var tester = new FakeWithstandTester(_bench) { Tamper = (n, s) => n == 100 ? s with { OutputVoltageKv = double.NaN } : s };

        await Assert.ThrowsAsync<ImplausibleReadingException>(() => Run(tester));

        Assert.Equal(100, _bench.Readings.Count);
        Assert.Equal("output off", _bench.Calls[^1]);
    }

    [Fact]
    public async Task RunAsync_GarbledReply_PassesThroughOutputOff()
    {
        var tester = new FakeWithstandTester(_bench) { FailAtRead = 200 };

        await Assert.ThrowsAsync<InstrumentException>(() => Run(tester));

        Assert.Equal(1, tester.OutputOffs);
    }

    [Fact]
    public async Task RunAsync_TesterStopsAnswering_TimeoutPassesThroughOutputOff()
    {
        var tester = new FakeWithstandTester(_bench) { FailAtRead = 200, FailWith = FakeInstrument.Fault.Silent };

        await Assert.ThrowsAsync<InstrumentTimeoutException>(() => Run(tester));

        Assert.Equal(1, tester.OutputOffs);
    }

    [Fact]
    public async Task RunAsync_ProgramNeverFinishes_StepTimeoutOutputOff()
    {
        var tester = new FakeWithstandTester(_bench) { Tamper = (_, s) => s.State == WithstandState.Complete ? s with { State = WithstandState.Idle } : s };

        var e = await Assert.ThrowsAsync<TimeoutException>(() => Run(tester, options: new VoltageWithstandOptions { StepTimeout = TimeSpan.FromMinutes(6) }));

        Assert.Equal("the withstand program did not finish within 00:06:00", e.Message);
        Assert.Equal(1, tester.OutputOffs);
    }

    [Fact]
    public async Task RunAsync_OperatorDeclinesTheCage_CanceledNothingStarted()
    {
        _bench.AcknowledgeCount = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(new FakeWithstandTester(_bench)));

        Assert.Equal(["ask CloseCage"], _bench.Calls);
    }

    [Fact]
    public void HeldS_CompletedWithPass_TheFullDwell()
    {
        var complete = new WithstandStatus(WithstandState.Complete, WithstandOutcome.Pass, 0, 0, 0, null, null, true, false);
        var stopped = complete with { State = WithstandState.Stopped, Outcome = WithstandOutcome.Aborted };

        Assert.Equal(300, WithstandRules.HeldS(complete, 299.8, 300));
        Assert.Equal(299.8, WithstandRules.HeldS(stopped, 299.8, 300));
    }

    [Theory]
    [InlineData(WithstandOutcome.Breakdown, true, false)]
    [InlineData(WithstandOutcome.Arc, true, false)]
    [InlineData(WithstandOutcome.High, true, false)]
    [InlineData(WithstandOutcome.Low, false, true)]
    [InlineData(WithstandOutcome.Interlock, false, true)]
    [InlineData(WithstandOutcome.Aborted, false, true)]
    [InlineData(WithstandOutcome.Pass, false, false)]
    public void Outcomes_BreakdownOrInterruption(WithstandOutcome outcome, bool breakdown, bool interruption) =>
        Assert.Equal((breakdown, interruption), (WithstandRules.IsBreakdown(outcome), WithstandRules.IsInterruption(outcome)));
}
