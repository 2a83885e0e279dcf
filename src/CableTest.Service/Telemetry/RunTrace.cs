using System.Diagnostics;

namespace CableTest.Service.Telemetry;

/// <summary>A run's trace and its start, from <see cref="RunTelemetry.StartRun"/> to <see cref="Ended"/>.</summary>
public sealed class RunTrace
{
    private readonly Activity? _activity;
    private int _ended;

    internal RunTrace(Activity? activity, string bench, long startedTimestamp)
    {
        _activity = activity;
        Bench = bench;
        StartedTimestamp = startedTimestamp;
    }

    internal string Bench { get; }

    internal long StartedTimestamp { get; }

    /// <summary>The run ended (state: completed, aborted, incomplete; outcome: Pass, Fail, … as the run states it, recorded in lower case): counts it and closes its trace. Once.</summary>
    public void Ended(string state, string outcome)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        outcome = outcome.ToLowerInvariant();
        RunTelemetry.RecordRunEnd(this, state, outcome);
        if (_activity is { } activity)
        {
            activity.SetTag("cabletest.run.state", state);
            activity.SetTag("cabletest.run.outcome", outcome);
            if (state != "completed")
            {
                activity.SetStatus(ActivityStatusCode.Error, state);
            }

            activity.Dispose();
        }
    }
}
