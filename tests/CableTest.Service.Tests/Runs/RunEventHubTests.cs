using CableTest.Service.Runs;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Tests.Runs;

/// <summary>The hub remembers a run only while someone watches it (issue 16 item 6: nothing grows with runs watched).</summary>
public sealed class RunEventHubTests
{
    [Fact]
    public void WatchingEndedRuns_LeavesNothingBehind()
    {
        var hub = new RunEventHub();
        for (var n = 0; n < 100; n++)
        {
            // The dashboard opening a verdict's run after the run has ended: subscribe, read the stored snapshot, leave.
            hub.Subscribe($"run-{n}").Dispose();
        }

        Assert.Equal(0, hub.WatchedRuns);
    }

    [Fact]
    public async Task LiveRun_EveryWatcherGetsTheEventsAndTheEnd_ThenTheRunIsForgotten()
    {
        var hub = new RunEventHub();
        using var first = hub.Subscribe("run-1");
        using var second = hub.Subscribe("run-1");
        using (hub.Subscribe("run-1"))
        {
            // A watcher that leaves early does not take the others with it.
        }

        hub.Publish("run-1", new V1.RunEvent { Log = "one" });
        hub.Publish("run-other", new V1.RunEvent { Log = "not this run" });
        hub.Complete("run-1");
        Assert.Equal(0, hub.WatchedRuns);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var watcher in new[] { first, second })
        {
            var events = new List<string>();
            await foreach (var e in watcher.Events.ReadAllAsync(timeout.Token))
            {
                events.Add(e.Log);
            }

            Assert.Equal(["one"], events);
        }
    }
}
