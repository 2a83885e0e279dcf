using CableTest.Instruments.Drivers;
using CableTest.Instruments.Safety;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CableTest.Instruments.Tests.Safety;

/// <summary>HighVoltageSafety with in-memory testers: confirmed off, retried, never throws, one action at a time.</summary>
public sealed class HighVoltageSafetyTests : IDisposable
{
    private readonly FakeWithstandTester _hipot = new();
    private readonly FakeInsulationTester _megger = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 22, 0, 0, TimeSpan.Zero));
    private readonly HighVoltageSafety _safety;

    public HighVoltageSafetyTests() => _safety = new HighVoltageSafety(_hipot, _megger, _time, NullLogger.Instance);

    public void Dispose()
    {
        _safety.Dispose();
        _hipot.Dispose();
    }

    private static WithstandStatus Status(bool interlockClosed, bool outputOn) =>
        new(WithstandState.Dwell, WithstandOutcome.None, 2.5, 0.1, 10, null, null, interlockClosed, outputOn);

    [Fact]
    public async Task MakeSafe_OutputConfirmedOff_TrueDischargedAndRemembered()
    {
        _safety.Observe(Status(interlockClosed: true, outputOn: true));
        Assert.Null(_safety.LastConfirmation);

        Assert.True(await _safety.MakeSafeAsync("end of run R1"));

        Assert.Equal(1, _hipot.OffCalls);
        Assert.Equal(1, _megger.DischargeCalls);
        Assert.Equal((true, false), _safety.LastState);
        Assert.Equal(new HighVoltageConfirmation(true, "end of run R1", _time.GetUtcNow(), ""), _safety.LastConfirmation);
    }

    [Fact]
    public async Task MakeSafe_TwoFailuresThenOff_RetriedAndConfirmed()
    {
        _hipot.FailuresBeforeOff = 2;
        Assert.True(await _safety.MakeSafeAsync("abort"));
        Assert.Equal(3, _hipot.OffCalls);
        Assert.True(_safety.LastConfirmation!.Confirmed);
    }

    [Fact]
    public async Task MakeSafe_TesterNeverConfirms_FalseWithTheErrorAndNoThrow()
    {
        _hipot.FailuresBeforeOff = int.MaxValue;
        _megger.Fail = true;
        _safety.Observe(Status(interlockClosed: false, outputOn: true));

        Assert.False(await _safety.MakeSafeAsync("service start"));

        Assert.Equal(3, _hipot.OffCalls);
        Assert.Equal(1, _megger.DischargeCalls);
        var confirmation = _safety.LastConfirmation!;
        Assert.False(confirmation.Confirmed);
        Assert.Equal("service start", confirmation.Reason);
        Assert.Contains("no reply to output off (call 3)", confirmation.Error, StringComparison.Ordinal);
        // Not confirmed: the last output state seen stands.
        Assert.Equal((false, true), _safety.LastState);
    }

    [Fact]
    public async Task MakeSafe_TesterHangs_EachAttemptTimesOutOnTheClock_False()
    {
        _hipot.Hang = true;
        var safe = _safety.MakeSafeAsync("interlock opened");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await _hipot.Entered.WaitAsync();
            Assert.False(safe.IsCompleted);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.False(await safe);
        Assert.Equal(3, _hipot.OffCalls);
        Assert.False(_safety.LastConfirmation!.Confirmed);
    }

    [Fact]
    public async Task MakeSafe_CancelledCaller_StillActs()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Assert.True(await _safety.MakeSafeAsync("service stop", cancelled.Token));
        Assert.Equal(1, _hipot.OffCalls);
    }

    [Fact]
    public async Task MakeSafe_TwoCallersAtOnce_OneActionAtATime()
    {
        _hipot.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _safety.MakeSafeAsync("abort");
        await _hipot.Entered.WaitAsync();
        var second = _safety.MakeSafeAsync("end of run");

        // The second waits for the first: its output-off has not begun.
        Assert.False(_hipot.Entered.Wait(0));
        Assert.Equal(1, _hipot.OffCalls);
        Assert.False(second.IsCompleted);

        _hipot.Gate.SetResult();
        Assert.True(await first);
        Assert.True(await second);
        Assert.Equal(2, _hipot.OffCalls);
        Assert.Equal(1, _hipot.MaxConcurrent);
        Assert.Equal("end of run", _safety.LastConfirmation!.Reason);
    }
}
