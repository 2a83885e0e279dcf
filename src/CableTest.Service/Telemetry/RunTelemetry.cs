using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CableTest.Service.Telemetry;

/// <summary>
/// Traces and metrics of runs: one trace per run (its own root, linked to the request that started it),
/// one span per step, and the run, step and reading series (meter <see cref="MeterName"/>). The
/// orchestrator calls these at a run's start and end, around each step and for each reading taken;
/// with no listener (telemetry off, the default) each call costs a few field reads.
/// </summary>
public static class RunTelemetry
{
    public const string MeterName = "CableTest.Runs";
    public const string SourceName = "CableTest.Runs";

    private static readonly double[] DurationBucketsS = [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200];
    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Started = Meter.CreateCounter<long>("cabletest.runs.started", "{run}", "Runs started on the bench");
    private static readonly Counter<long> Ended = Meter.CreateCounter<long>("cabletest.runs.ended", "{run}", "Runs ended, by state and outcome");
    private static readonly UpDownCounter<long> Active = Meter.CreateUpDownCounter<long>("cabletest.runs.active", "{run}", "Runs in progress");
    private static readonly Histogram<double> RunDuration = Meter.CreateHistogram("cabletest.run.duration", "s", "From a run's start to its end",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBucketsS });
    private static readonly Histogram<double> StepDuration = Meter.CreateHistogram("cabletest.run.step.duration", "s", "Time spent in one step of a run",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBucketsS });
    private static readonly Counter<long> Readings = Meter.CreateCounter<long>("cabletest.readings.taken", "{reading}", "Readings journalled, by measurement");

    /// <summary>A run begins: starts its trace (the caller's span, if any, becomes a link) and counts it.</summary>
    /// <param name="benchMode">The bench's mode as it describes itself ("simulated (embedded)", "instruments", "replay of …").</param>
    public static RunTrace StartRun(string runId, string sampleId, string benchMode)
    {
        var bench = benchMode.StartsWith("replay", StringComparison.Ordinal) ? "replay"
            : benchMode.StartsWith("simulated", StringComparison.Ordinal) ? "simulated" : "instruments";
        var caller = Activity.Current;
        // A run outlives the request that started it: its own trace, linked to that request.
        Activity.Current = null;
        var activity = Source.HasListeners()
            ? Source.StartActivity("run", ActivityKind.Internal, default(ActivityContext),
                [new("cabletest.run.id", runId), new("cabletest.sample.id", sampleId), new("cabletest.bench.mode", bench)],
                caller is null ? null : [new ActivityLink(caller.Context)])
            : null;
        Started.Add(1, new KeyValuePair<string, object?>("bench", bench));
        Active.Add(1);
        return new RunTrace(activity, bench, Stopwatch.GetTimestamp());
    }

    /// <summary>A step begins: a span under the run's (the current activity).</summary>
    public static StepTrace StartStep(string stepId, string kind, string core)
    {
        var activity = Source.HasListeners()
            ? Source.StartActivity("step " + kind, ActivityKind.Internal, default(ActivityContext),
                [new("cabletest.step.id", stepId), new("cabletest.step.kind", kind), new("cabletest.step.core", core)])
            : null;
        return new StepTrace(activity, kind, Stopwatch.GetTimestamp());
    }

    /// <summary>One reading was journalled (<paramref name="measurement"/>: ambient, conductor_resistance, …).</summary>
    public static void ReadingTaken(string measurement) =>
        Readings.Add(1, new KeyValuePair<string, object?>("measurement", measurement));

    internal static void RecordRunEnd(RunTrace trace, string state, string outcome)
    {
        var elapsed = Stopwatch.GetElapsedTime(trace.StartedTimestamp).TotalSeconds;
        var tags = new TagList { { "bench", trace.Bench }, { "state", state }, { "outcome", outcome } };
        Ended.Add(1, tags);
        RunDuration.Record(elapsed, tags);
        Active.Add(-1);
    }

    internal static void RecordStepEnd(StepTrace trace, string state) =>
        StepDuration.Record(Stopwatch.GetElapsedTime(trace.StartedTimestamp).TotalSeconds, new TagList { { "kind", trace.Kind }, { "state", state } });
}
