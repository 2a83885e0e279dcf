using CableTest.Runs.Model;
using CableTest.Runs.Ports;

namespace CableTest.Service.Runs;

/// <summary>Operator prompts of the active run: the run awaits the operator, watchers see the prompt, AnswerPrompt completes it.</summary>
internal sealed class RunOperatorPrompts(ActiveRun active, RunOrchestrator orchestrator) : IOperatorPrompts
{
    public Task<string> AskAsync(PromptKind kind, string message, CancellationToken cancellationToken) =>
        orchestrator.AskAsync(active, kind, message, cancellationToken);
}
