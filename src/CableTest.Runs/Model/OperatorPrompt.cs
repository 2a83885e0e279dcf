namespace CableTest.Runs.Model;

/// <summary>A question the run is waiting on.</summary>
/// <param name="PromptId">Unique within the run; the answer must name it.</param>
/// <param name="Kind">What is asked.</param>
/// <param name="Message">The words shown to the operator.</param>
/// <param name="IssuedAt">When it was asked.</param>
public sealed record OperatorPrompt(string PromptId, PromptKind Kind, string Message, DateTimeOffset IssuedAt)
{
    /// <summary>Wire name of <see cref="Kind"/>.</summary>
    public string KindName => Kind == PromptKind.ConnectCore ? "connect_core" : "close_cage";
}
