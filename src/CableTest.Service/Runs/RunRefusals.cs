namespace CableTest.Service.Runs;

/// <summary>Marker for messages; the API maps the orchestrator's refusals to FAILED_PRECONDITION.</summary>
internal static class RunRefusals
{
    public const string BenchBusy = "bench_busy";
    public const string CalibrationOverdue = "calibration_overdue";
    public const string NotRunning = "run_not_active";
    public const string NoPrompt = "no_such_prompt";
}
