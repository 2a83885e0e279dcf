using System.Threading.Channels;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>
/// Fans run events out to watchers (gRPC WatchRun, the dashboard's event stream). A slow watcher loses its oldest
/// events, and never holds up the run: publishing only tries to write. A run is remembered only while it has
/// watchers: the last one to leave forgets it, so watching ended runs (the dashboard opening old verdicts) leaves
/// nothing behind.
/// </summary>
public sealed class RunEventHub
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<Guid, Channel<V1.RunEvent>>> watchers = new(StringComparer.Ordinal);

    /// <summary>The runs that have watchers now (for tests).</summary>
    internal int WatchedRuns
    {
        get
        {
            lock (gate)
            {
                return watchers.Count;
            }
        }
    }

    /// <summary>Subscribes to a run; dispose the subscription to stop.</summary>
    public RunSubscription Subscribe(string runId)
    {
        var channel = Channel.CreateBounded<V1.RunEvent>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var id = Guid.NewGuid();
        lock (gate)
        {
            if (!watchers.TryGetValue(runId, out var set))
            {
                watchers[runId] = set = [];
            }

            set[id] = channel;
        }

        return new RunSubscription(channel.Reader, () =>
        {
            lock (gate)
            {
                if (watchers.TryGetValue(runId, out var set) && set.Remove(id) && set.Count == 0)
                {
                    watchers.Remove(runId);
                }
            }
        });
    }

    /// <summary>Publishes to every watcher of the run.</summary>
    public void Publish(string runId, V1.RunEvent runEvent)
    {
        lock (gate)
        {
            if (watchers.TryGetValue(runId, out var set))
            {
                foreach (var channel in set.Values)
                {
                    channel.Writer.TryWrite(runEvent);
                }
            }
        }
    }

    /// <summary>Ends every watcher of the run (after its final snapshot).</summary>
    public void Complete(string runId)
    {
        lock (gate)
        {
            if (watchers.Remove(runId, out var set))
            {
                foreach (var channel in set.Values)
                {
                    channel.Writer.TryComplete();
                }
            }
        }
    }
}
