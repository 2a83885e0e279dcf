using System.Text.Json;
using CableTest.Runs.Model;

namespace CableTest.Service.Runs;

/// <summary>
/// The run in progress on this bench: the <see cref="Run"/> aggregate (changed only through its own methods, under
/// <see cref="Gate"/>), the evidence document of each finished step, cancellation and the pending prompt's answer.
/// </summary>
internal sealed class ActiveRun(Run run, CancellationTokenSource abort, string requestId)
{
    public Lock Gate { get; } = new();

    public Run Run { get; } = run;

    public string RunId => Run.RunId;

    public CancellationTokenSource Abort { get; } = abort;

    public string RequestId { get; } = requestId;

    /// <summary>Why it is being stopped, and by whom (null: a fault or a shutdown).</summary>
    public string? AbortReason { get; set; }

    public string? AbortedBy { get; set; }

    public TaskCompletionSource<string>? PromptAnswer { get; set; }

    /// <summary>Mean ambient temperature from the ambient step.</summary>
    public double? AmbientC { get; set; }

    public Task? Execution { get; set; }

    /// <summary>Step id → the step's evidence document (the served TestVerdict, proto JSON), once it produced one.</summary>
    public Dictionary<string, JsonElement> Evidence { get; } = new(StringComparer.Ordinal);

    /// <summary>The record appended to the verdict feed for this run, once appended.</summary>
    public Contracts.V1.Verdict? Record { get; set; }

    /// <summary>The run as last stored (served while an ending is not yet on the record).</summary>
    public RunDocument? LastSaved { get; set; }

    /// <summary>When the run document was last stored (progress saves are throttled).</summary>
    public long LastSavedAt { get; set; }

    /// <summary>True from the moment the run ended until its ending is stored and on the record.</summary>
    public bool Closing { get; set; }
}
