using CableTest.Contracts.V1;
using static System.FormattableString;

namespace CableTest.Cli.Runs;

/// <summary>
/// Progress as plain lines for logs and pipes: a line when the run or a step changes state, when a
/// step's progress passes another 25 %, and when a dwell passes another minute; a running step's line
/// carries its latest reading ("R 0.6923 Ω").
/// </summary>
internal sealed class PlainRunDisplay(TextWriter output) : IRunDisplay
{
    private readonly Dictionary<string, (RunStep.Types.State State, int Quarter, int MinutesLeft)> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> readings = new(StringComparer.Ordinal);
    private RunState lastState;
    private Run? last;

    public Task LiveAsync(Func<Task> pump) => pump();

    public void Snapshot(Run run)
    {
        last = run;
        if (run.State != lastState)
        {
            lastState = run.State;
            output.WriteLine(Invariant($"run {run.RunId}: {StepText.RunState(run.State)}"));
        }

        for (var i = 0; i < run.Steps.Count; i++)
        {
            var step = run.Steps[i];
            var quarter = (int)Math.Floor(step.Progress * 4);
            var minutesLeft = step.HasRemainingS ? (int)Math.Ceiling(step.RemainingS / 60) : -1;
            var now = (step.State, quarter, minutesLeft);
            if (seen.TryGetValue(step.StepId, out var before) && before == now)
            {
                continue;
            }

            seen[step.StepId] = now;
            if (step.State == RunStep.Types.State.Pending)
            {
                continue;
            }

            var details = new List<string>();
            if (StepText.Remaining(step) is { Length: > 0 } remaining) details.Add(remaining);
            if (step.State == RunStep.Types.State.Running && readings.TryGetValue(step.StepId, out var reading)) details.Add(reading);
            output.WriteLine(Invariant($"[{i + 1}/{run.Steps.Count}] {StepText.Label(step)}: {StepText.State(step.State)} {step.Progress * 100:0}%{(details.Count > 0 ? " (" + string.Join(", ", details) + ")" : "")}"));
        }
    }

    public void Reading(Reading reading)
    {
        if (StepText.StepOf(reading, last) is { } stepId)
        {
            readings[stepId] = ReadingText.Format(reading);
        }
    }

    public void Log(string text) => output.WriteLine("  " + text);

    public void Line(string text) => output.WriteLine(text);
}
