namespace CableTest.Runs.Ports;

/// <summary>Where a procedure's readings go: the durable journal (then InfluxDB) and the live watchers.</summary>
public interface IReadingSink
{
    /// <summary>Takes a reading for step <paramref name="stepId"/>; returns its id once it is durable.</summary>
    ValueTask<string> TakeAsync(string stepId, StepReading reading, CancellationToken cancellationToken);
}
