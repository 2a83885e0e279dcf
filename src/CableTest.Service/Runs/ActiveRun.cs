using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>The run in progress: its document (guarded by <see cref="Gate"/>), cancellation, and the pending prompt.</summary>
internal sealed class ActiveRun(V1.Run run, V1.Sample sample, SampleRequirements requirements, DecisionRule rule, KtMethod kt, VoltageKind voltageKind, CancellationTokenSource abort)
{
    public Lock Gate { get; } = new();

    public V1.Run Run { get; } = run;

    public V1.Sample Sample { get; } = sample;

    public SampleRequirements Requirements { get; } = requirements;

    public DecisionRule Rule { get; } = rule;

    public KtMethod Kt { get; } = kt;

    public VoltageKind VoltageKind { get; } = voltageKind;

    public CancellationTokenSource Abort { get; } = abort;

    public string? AbortReason { get; set; }

    public TaskCompletionSource<string>? PromptAnswer { get; set; }

    public List<V1.TestVerdict> Tests { get; } = [];

    public List<TestVerdict> DomainTests { get; } = [];

    public double? AmbientC { get; set; }

    public Task? Execution { get; set; }

    public string RequestId { get; set; } = "";

    /// <summary>Conductor-resistance standard edition to judge against (replays only; null: the catalogue's default).</summary>
    public string? Edition { get; init; }

    public V1.Outcome? Outcome { get; set; }

    public V1.Verdict? Verdict { get; set; }
}
