using CableTest.Runs.Model;

namespace CableTest.Runs.Ports;

/// <summary>Asks the operator to do something at the bench and waits for the answer.</summary>
public interface IOperatorPrompts
{
    /// <summary>
    /// Asks and waits; returns who acknowledged. A declined prompt or an abort ends the wait with
    /// <see cref="OperationCanceledException"/> (the run then ends aborted).
    /// </summary>
    Task<string> AskAsync(PromptKind kind, string message, CancellationToken cancellationToken);
}
