namespace CableTest.Runs.Ports;

/// <summary>Commands the bench to its safe state (high voltage off, samples discharged) at once.</summary>
public interface ISafeState
{
    /// <summary>
    /// Makes the bench safe; returns true once the output is confirmed off, false when it could not be confirmed.
    /// Procedures call it with <see cref="CancellationToken.None"/>: making safe is never cancelled.
    /// </summary>
    /// <param name="reason">Why, for the log (e.g. "interlock opened during step vw").</param>
    /// <param name="cancellationToken">Usually <see cref="CancellationToken.None"/>.</param>
    Task<bool> MakeSafeAsync(string reason, CancellationToken cancellationToken);
}
