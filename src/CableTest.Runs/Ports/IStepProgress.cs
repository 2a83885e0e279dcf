namespace CableTest.Runs.Ports;

/// <summary>What a running step tells the people watching it.</summary>
public interface IStepProgress
{
    /// <summary>Progress within the step (0..1) and seconds left in a dwell or electrification when known.</summary>
    ValueTask ReportAsync(double progress, double? remainingS);

    /// <summary>A line of progress text for people (e.g. "interlock opened: output dropped").</summary>
    void Log(string message);
}
