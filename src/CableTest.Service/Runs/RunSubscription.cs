using System.Threading.Channels;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>One watcher's events.</summary>
public sealed class RunSubscription(ChannelReader<V1.RunEvent> reader, Action unsubscribe) : IDisposable
{
    /// <summary>The events, ending when the run ends.</summary>
    public ChannelReader<V1.RunEvent> Events { get; } = reader;

    /// <inheritdoc />
    public void Dispose() => unsubscribe();
}
