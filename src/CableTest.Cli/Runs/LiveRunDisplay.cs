using CableTest.Contracts.V1;
using Spectre.Console;

namespace CableTest.Cli.Runs;

/// <summary>Live progress on a terminal: one bar per step, the time left in each dwell, and each step's latest reading ("R 0.6923 Ω") on its own bar.</summary>
internal sealed class LiveRunDisplay(IAnsiConsole console) : IRunDisplay
{
    private readonly Dictionary<string, ProgressTask> tasks = new(StringComparer.Ordinal);
    private ProgressContext? context;
    private Run? last;
    private readonly Dictionary<string, string> readings = new(StringComparer.Ordinal);

    public async Task LiveAsync(Func<Task> pump)
    {
        var progress = console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn());
        await progress.StartAsync(async ctx =>
        {
            context = ctx;
            tasks.Clear();
            if (last is not null)
            {
                Snapshot(last);
            }

            try
            {
                await pump();
            }
            finally
            {
                context = null;
            }
        });
    }

    public void Snapshot(Run run)
    {
        last = run;
        if (context is null)
        {
            return;
        }

        for (var i = 0; i < run.Steps.Count; i++)
        {
            var step = run.Steps[i];
            if (!tasks.TryGetValue(step.StepId, out var task))
            {
                task = context.AddTask(Describe(step), autoStart: false, maxValue: 1);
                tasks[step.StepId] = task;
            }

            task.Description = Describe(step);
            task.Value = step.State is RunStep.Types.State.Done or RunStep.Types.State.Skipped ? 1 : step.Progress;
            if (step.State == RunStep.Types.State.Running && !task.IsStarted)
            {
                task.StartTask();
            }
            else if (step.State is RunStep.Types.State.Done or RunStep.Types.State.Failed or RunStep.Types.State.Skipped)
            {
                task.StopTask();
            }
        }

        context.Refresh();
    }

    public void Reading(Reading reading)
    {
        if (StepText.StepOf(reading, last) is { } stepId)
        {
            readings[stepId] = ReadingText.Format(reading);
        }

        if (last is not null)
        {
            Snapshot(last);
        }
    }

    public void Log(string text) => console.MarkupLine("[grey]" + Markup.Escape(text) + "[/]");

    public void Line(string text) => console.WriteLine(text);

    private string Describe(RunStep step)
    {
        var text = Markup.Escape(StepText.Label(step));
        var remaining = StepText.Remaining(step);
        if (remaining.Length > 0)
        {
            text += " [yellow]" + remaining + "[/]";
        }

        if (step.State == RunStep.Types.State.Running && readings.TryGetValue(step.StepId, out var reading))
        {
            text += " [grey]" + Markup.Escape(reading) + "[/]";
        }

        return step.State switch
        {
            RunStep.Types.State.Failed => text + " [red]failed[/]",
            RunStep.Types.State.Skipped => "[grey]" + text + " skipped[/]",
            _ => text,
        };
    }
}
