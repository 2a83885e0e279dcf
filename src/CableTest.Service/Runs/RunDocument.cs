using System.Text.Json;
using System.Text.Json.Serialization;
using CableTest.Domain.Samples;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;

namespace CableTest.Service.Runs;

/// <summary>
/// The stored run, schema <c>cabletest.run/2</c>: the <see cref="RunSnapshot"/> as data (sample, settings, steps with their
/// state and result, prompt, ending) plus each finished step's evidence document (the served TestVerdict in proto3 JSON,
/// the same shape the verdict feed hashes). Documents without a schema are cabletest.v1.Run proto-JSON written before it
/// (<see cref="StoredRuns"/> reads both).
/// </summary>
internal sealed record RunDocument
{
    public const string SchemaV2 = "cabletest.run/2";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string Schema { get; init; } = SchemaV2;

    public required string RunId { get; init; }

    public required CableSample Sample { get; init; }

    public required SettingsDocument Settings { get; init; }

    public required string OperatorName { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required RunState State { get; init; }

    public int CurrentStep { get; init; }

    public required IReadOnlyList<StepDocument> Steps { get; init; }

    public OperatorPrompt? PendingPrompt { get; init; }

    public Outcome? Outcome { get; init; }

    public RunEnding? Ending { get; init; }

    public long Version { get; init; }

    /// <summary>Sequence of the run's record in the verdict feed, once appended.</summary>
    public long? RecordSequence { get; init; }

    /// <summary>The run as data, with each finished step's evidence from <paramref name="evidence"/>.</summary>
    public static RunDocument From(Run run, IReadOnlyDictionary<string, JsonElement> evidence, long? recordSequence)
    {
        var snapshot = run.ToSnapshot();
        return new RunDocument
        {
            RunId = snapshot.RunId,
            Sample = snapshot.Plan.Sample,
            Settings = SettingsDocument.From(snapshot.Plan.Settings),
            OperatorName = snapshot.OperatorName,
            StartedAt = snapshot.StartedAt,
            State = snapshot.State,
            CurrentStep = snapshot.CurrentStep,
            Steps = [.. snapshot.Plan.Steps.Zip(snapshot.Steps, (p, s) => StepDocument.From(p, s, evidence.TryGetValue(p.StepId, out var e) ? e : null))],
            PendingPrompt = snapshot.PendingPrompt,
            Outcome = snapshot.Outcome,
            Ending = snapshot.Ending,
            Version = snapshot.Version,
            RecordSequence = recordSequence,
        };
    }

    /// <summary>Back to a <see cref="Run"/> (requirements resolved again from the catalogue), with the stored evidence.</summary>
    public (Run Run, Dictionary<string, JsonElement> Evidence) Restore(StandardsCatalogue catalogue)
    {
        var spec = catalogue.FindProductSpec(Sample.SpecId) ?? throw new InvalidDataException($"run {RunId}: product spec {Sample.SpecId} is not in the catalogue");
        var requirements = catalogue.ResolveSample(spec.ProductCode, spec.RatedVoltage.ToString(), Sample.Conductor.CrossSectionMm2, Sample.Cores, Sample.Conductor.ConductorClass).Value
            ?? new SampleRequirements(spec, Sample.Conductor, Sample.Cores, spec.InsulationResistanceKey, spec.VoltageTestFamily);
        var plan = new TestPlan(Sample, requirements, Settings.ToSettings(), [.. Steps.Select(s => new PlannedStep(s.StepId, s.Kind, s.Core, s.Title))]);
        var snapshot = new RunSnapshot(RunId, plan, OperatorName, StartedAt, State, CurrentStep,
            [.. Steps.Select(s => new StepSnapshot(s.State, s.Progress, s.RemainingS, s.Result?.ToResult()))], PendingPrompt, Outcome, Ending, Version);
        var evidence = Steps.Where(s => s.Evidence is not null).ToDictionary(s => s.StepId, s => s.Evidence!.Value, StringComparer.Ordinal);
        return (Run.Restore(snapshot), evidence);
    }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static RunDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<RunDocument>(json, Json) ?? throw new InvalidDataException("empty run document");
}

/// <summary>A stored step: the plan's step, where it is, and its result and evidence once it has one.</summary>
internal sealed record StepDocument(string StepId, StepKind Kind, string Core, string Title, StepState State, double Progress, double? RemainingS, StepResultDocument? Result, JsonElement? Evidence)
{
    public static StepDocument From(PlannedStep planned, StepSnapshot step, JsonElement? evidence) =>
        new(planned.StepId, planned.Kind, planned.Core, planned.Title, step.State, step.Progress, step.RemainingS, step.Result is { } r ? StepResultDocument.From(r) : null, evidence);
}

/// <summary>What the run needs of a step's result (outcome and reason); the full evidence is the step's evidence document.</summary>
internal sealed record StepResultDocument(TestKind TestKind, Outcome Outcome, string? ReasonCode, string? Reason, DateTimeOffset MeasuredAt, IReadOnlyList<string> ReadingIds, IReadOnlyList<string> InstrumentIds)
{
    public static StepResultDocument From(StepResult result) =>
        new(result.Verdict.Kind, result.Verdict.Outcome, result.Verdict.ReasonCode, result.Verdict.Reason, result.MeasuredAt, result.ReadingIds, result.InstrumentIds);

    public StepResult ToResult() => new(new TestVerdict { Kind = TestKind, Outcome = Outcome, ReasonCode = ReasonCode, Reason = Reason }, MeasuredAt)
    {
        ReadingIds = ReadingIds,
        InstrumentIds = InstrumentIds,
    };
}

/// <summary>The run's agreed settings as data (the decision rule by its parts).</summary>
internal sealed record SettingsDocument(DecisionRuleKind Rule, decimal GuardBand, decimal? ExpandedUncertainty, decimal? CoverageFactor, string KtMethod, VoltageKind VoltageKind, string? Edition)
{
    public static SettingsDocument From(RunSettings settings) => new(
        settings.Rule.Kind, settings.Rule.GuardBand, settings.Rule.ExpandedUncertainty, settings.Rule.CoverageFactor, settings.Kt.ToWireName(), settings.VoltageKind, settings.Edition);

    public RunSettings ToSettings() => new(
        DecisionRule.Of(Rule, ExpandedUncertainty, CoverageFactor, Rule == DecisionRuleKind.SimpleAcceptance ? null : GuardBand),
        KtMethodNames.TryParse(KtMethod, out var kt) ? kt : Domain.Standards.KtMethod.Alpha20,
        VoltageKind,
        Edition);
}
