using CableTest.Instruments.Fixtures;
using CableTest.Runs.Model;
using CableTest.Runs.Ports;
using CableTest.Runs.Procedures;
using Microsoft.Extensions.Time.Testing;

namespace CableTest.Runs.Tests.Procedures.Fakes;

/// <summary>
/// The ports of one step, in memory: every call lands in <see cref="Calls"/> in order, so a test can check the
/// sequence (prompt, core, instrument commands, readings, safe state). Time is a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class Bench : IReadingSink, IOperatorPrompts, ICoreSwitch, IStepProgress, ISafeState
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(T0);

    public List<string> Calls { get; } = [];

    public List<(StepReading Reading, DateTimeOffset At)> Readings { get; } = [];

    public List<(PromptKind Kind, string Message)> Prompts { get; } = [];

    public List<(double Progress, double? RemainingS)> ProgressReports { get; } = [];

    public List<string> Logs { get; } = [];

    public List<string> SafeReasons { get; } = [];

    /// <summary>Answers left before the operator declines (null: always acknowledges).</summary>
    public int? AcknowledgeCount { get; set; }

    public StepContext Context(string stepId) => new(stepId, this, this, this, this, Time);

    public ValueTask<string> TakeAsync(string stepId, StepReading reading, CancellationToken cancellationToken)
    {
        Readings.Add((reading, Time.GetUtcNow()));
        Calls.Add($"take {reading.Measurement}/{reading.Index}");
        return ValueTask.FromResult($"run-1/{stepId}/{reading.Index}");
    }

    public Task<string> AskAsync(PromptKind kind, string message, CancellationToken cancellationToken)
    {
        Prompts.Add((kind, message));
        Calls.Add($"ask {kind}");
        if (AcknowledgeCount is { } left)
        {
            if (left <= 0)
            {
                throw new OperationCanceledException("declined");
            }

            AcknowledgeCount = left - 1;
        }

        return Task.FromResult("alice");
    }

    public ValueTask SelectCoreAsync(int core, CancellationToken cancellationToken)
    {
        Calls.Add($"core {core}");
        return ValueTask.CompletedTask;
    }

    public ValueTask ReportAsync(double progress, double? remainingS)
    {
        ProgressReports.Add((progress, remainingS));
        return ValueTask.CompletedTask;
    }

    void IStepProgress.Log(string message) => Logs.Add(message);

    public Task<bool> MakeSafeAsync(string reason, CancellationToken cancellationToken)
    {
        SafeReasons.Add(reason);
        Calls.Add("make safe");
        return Task.FromResult(true);
    }

    /// <summary>
    /// Starts the procedure and advances fake time in <paramref name="step"/>s until it ends (no wall clock). Runs on a
    /// pool thread, without the test framework's synchronisation context, so each timer's continuation runs inside
    /// <see cref="FakeTimeProvider.Advance"/>: every poll sees exactly the time it was due at.
    /// </summary>
    public Task<T> DriveAsync<T>(Func<Task<T>> start, TimeSpan step, int maxSteps = 100_000) => Task.Run(async () =>
    {
        var task = start();
        for (var n = 0; !task.IsCompleted; n++)
        {
            Assert.True(n < maxSteps, $"the procedure did not finish within {maxSteps} steps of {step}");
            Time.Advance(step);
        }

        return await task.ConfigureAwait(false);
    });
}
