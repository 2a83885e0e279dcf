using System.Collections.Concurrent;
using System.Threading.Channels;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>Fans run events out to watchers (gRPC WatchRun, the dashboard's event stream). A slow watcher loses readings, never state.</summary>
public sealed class RunEventHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<V1.RunEvent>>> _watchers = new(StringComparer.Ordinal);

    /// <summary>Subscribes to a run; dispose the subscription to stop.</summary>
    public RunSubscription Subscribe(string runId)
    {
        var channel = Channel.CreateBounded<V1.RunEvent>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var id = Guid.NewGuid();
        _watchers.GetOrAdd(runId, _ => new())[id] = channel;
        return new RunSubscription(channel.Reader, () =>
        {
            if (_watchers.TryGetValue(runId, out var set))
            {
                set.TryRemove(id, out _);
            }
        });
    }

    /// <summary>Publishes to every watcher of the run.</summary>
    public void Publish(string runId, V1.RunEvent runEvent)
    {
        if (_watchers.TryGetValue(runId, out var set))
        {
            foreach (var channel in set.Values)
            {
                channel.Writer.TryWrite(runEvent);
            }
        }
    }

    /// <summary>Ends every watcher of the run (after its final snapshot).</summary>
    public void Complete(string runId)
    {
        if (_watchers.TryRemove(runId, out var set))
        {
            foreach (var channel in set.Values)
            {
                channel.Writer.TryComplete();
            }
        }
    }
}
