using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>A run's event stream for one watcher: a snapshot first, then every state change and prompt, readings thinned to the rate asked (<see cref="ReadingThinning"/>).</summary>
internal static class RunWatch
{
    public static async IAsyncEnumerable<V1.RunEvent> EventsAsync(RunOrchestrator orchestrator, RunEventHub hub, string runId, double readingsPerSecond, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = hub.Subscribe(runId);
        var snapshot = await orchestrator.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        yield return new V1.RunEvent { Time = Timestamp.FromDateTimeOffset(time.GetUtcNow()), Snapshot = snapshot };
        if (snapshot.State is V1.RunState.Completed or V1.RunState.Aborted or V1.RunState.Incomplete)
        {
            yield break;
        }

        var thinning = new ReadingThinning(readingsPerSecond);
        await foreach (var e in subscription.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e.EventCase == V1.RunEvent.EventOneofCase.Reading && !thinning.Keep(e.Reading))
            {
                continue;
            }

            yield return e;
        }
    }
}
