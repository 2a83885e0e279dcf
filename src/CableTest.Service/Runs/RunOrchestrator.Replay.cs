using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

public sealed partial class RunOrchestrator
{
    /// <summary>
    /// Runs <paramref name="request"/> again, under the recorded run's id, through the very same sequence a live run
    /// takes (this orchestrator is built on a replay bench with its own store, journal and event hub), and waits for
    /// its end. <paramref name="stop"/> aborts it with the reason <paramref name="stopReason"/> gives at that moment.
    /// </summary>
    internal async Task<ReplayedRun> ReplayAsync(V1.StartRunRequest request, string operatorName, ReplayIdentity replay, Func<string> stopReason, CancellationToken stop)
    {
        var (_, active) = await StartAsync(request, operatorName, replay, stop).ConfigureAwait(false);
        if (active?.Execution is not { } execution)
        {
            throw new InvalidOperationException($"replay of {replay.RunId} did not start (this replay bench is already running it)");
        }

        await using (stop.Register(() =>
        {
            active.AbortReason ??= stopReason();
            active.Abort.Cancel();
        }).ConfigureAwait(false))
        {
            await execution.ConfigureAwait(false);
        }

        lock (active.Gate)
        {
            var run = Document(active).ToProto();
            var completed = run.State == V1.RunState.Completed ? active.Record : null;
            return new ReplayedRun(run, [.. run.Steps.Where(s => s.Verdict is not null).Select(s => s.Verdict)], completed);
        }
    }
}
