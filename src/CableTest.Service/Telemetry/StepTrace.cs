using System.Diagnostics;

namespace CableTest.Service.Telemetry;

/// <summary>
/// One step's span and duration. <see cref="Done"/> records how it ended; disposing a step that was
/// never marked done (an abort or a fault left it) records it as interrupted.
/// </summary>
public sealed class StepTrace : IDisposable
{
    private readonly Activity? _activity;
    private string? _state;
    private bool _disposed;

    internal StepTrace(Activity? activity, string kind, long startedTimestamp)
    {
        _activity = activity;
        Kind = kind;
        StartedTimestamp = startedTimestamp;
    }

    internal string Kind { get; }

    internal long StartedTimestamp { get; }

    /// <summary>The step ended in <paramref name="state"/> (as the run states it: Done, Failed, …).</summary>
    public void Done(string state) => _state ??= state.ToLowerInvariant();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var state = _state ?? "interrupted";
        RunTelemetry.RecordStepEnd(this, state);
        if (_activity is { } activity)
        {
            activity.SetTag("cabletest.step.state", state);
            if (state != "done")
            {
                activity.SetStatus(ActivityStatusCode.Error, state);
            }

            activity.Dispose();
        }
    }
}
