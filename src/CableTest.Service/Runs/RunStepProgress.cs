using CableTest.Runs.Ports;

namespace CableTest.Service.Runs;

/// <summary>Progress of the running step: the aggregate and the watchers see every report; the store sees them throttled.</summary>
internal sealed class RunStepProgress(ActiveRun active, RunOrchestrator orchestrator) : IStepProgress
{
    public ValueTask ReportAsync(double progress, double? remainingS) => orchestrator.ReportProgressAsync(active, progress, remainingS);

    public void Log(string message) => orchestrator.Log(active, message);
}
