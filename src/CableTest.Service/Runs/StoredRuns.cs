using System.Text.Json;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;
using CableTest.Service.Grpc;
using CableTest.Service.Grpc.Standards;
using Google.Protobuf;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>
/// Reads stored run documents of either schema: <c>cabletest.run/2</c> (<see cref="RunDocument"/>) and the
/// cabletest.v1.Run proto-JSON that main wrote before it (served as it was; migrated to run/2 when the run must change,
/// e.g. closed after a crash).
/// </summary>
internal static class StoredRuns
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static bool IsV2(string json) => json.Contains("\"schema\":\"" + RunDocument.SchemaV2 + "\"", StringComparison.Ordinal);

    /// <summary>The run as the API serves it.</summary>
    public static V1.Run ToProto(string json) => IsV2(json) ? RunDocument.Deserialize(json).ToProto() : Parser.Parse<V1.Run>(json);

    /// <summary>The run as a run/2 document; a legacy document is migrated with its sample (<paramref name="sampleJson"/>, cabletest.v1.Sample).</summary>
    public static RunDocument ToDocument(string json, string sampleJson) => IsV2(json) ? RunDocument.Deserialize(json) : Migrate(Parser.Parse<V1.Run>(json), Parser.Parse<V1.Sample>(sampleJson));

    /// <summary>A cabletest.v1.Run written before run/2, as a run/2 document (steps, verdicts as evidence, ending from state and reason).</summary>
    public static RunDocument Migrate(V1.Run run, V1.Sample sample)
    {
        var state = run.State switch
        {
            V1.RunState.Pending => RunState.Pending,
            V1.RunState.Running => RunState.Running,
            V1.RunState.AwaitingOperator => RunState.AwaitingOperator,
            V1.RunState.Evaluating => RunState.Evaluating,
            V1.RunState.Completed => RunState.Completed,
            V1.RunState.Aborted => RunState.Aborted,
            _ => RunState.Incomplete,
        };
        var ended = state is RunState.Completed or RunState.Aborted or RunState.Incomplete;
        var steps = run.Steps.Select(s => MigrateStep(s, state)).ToList();
        var stoppedAt = steps.FirstOrDefault(s => s.State is StepState.Aborted or StepState.Interrupted)?.StepId;
        RunEnding? ending = null;
        if (ended)
        {
            var kind = state switch
            {
                RunState.Completed => RunEndingKind.Completed,
                RunState.Aborted => RunEndingKind.Aborted,
                _ => run.EndReason.StartsWith("interrupted", StringComparison.Ordinal) ? RunEndingKind.Interrupted : RunEndingKind.Faulted,
            };
            var notConfirmed = run.EndReason.Contains(RunEndingPhrases.HighVoltageNotConfirmedOff, StringComparison.Ordinal);
            ending = new RunEnding(kind, run.EndReason, kind == RunEndingKind.Aborted ? run.OperatorName : null, stoppedAt, run.EndedAt?.ToDateTimeOffset() ?? run.StartedAt.ToDateTimeOffset())
            {
                HighVoltageConfirmedOff = notConfirmed ? false : null,
            };
        }

        var rule = new EvaluateRequests(StandardsCatalogue.LoadDefault()).Rule(run.DecisionRule);
        var voltageKind = run.Steps.Select(s => s.Verdict?.VoltageWithstand?.VoltageKind).FirstOrDefault(k => !string.IsNullOrEmpty(k)) is "DC" or "dc" ? VoltageKind.DC : VoltageKind.AC;
        return new RunDocument
        {
            RunId = run.RunId,
            Sample = sample.ToDomain(),
            Settings = SettingsDocument.From(new RunSettings(rule, KtMethodNames.TryParse(run.KtMethod, out var kt) ? kt : KtMethod.Alpha20, voltageKind)),
            OperatorName = run.OperatorName,
            StartedAt = run.StartedAt.ToDateTimeOffset(),
            State = state,
            CurrentStep = run.CurrentStep,
            Steps = steps,
            PendingPrompt = run.PendingPrompt is { PromptId.Length: > 0 } p
                ? new OperatorPrompt(p.PromptId, p.Kind == "connect_core" ? PromptKind.ConnectCore : PromptKind.CloseCage, p.Message, p.IssuedAt?.ToDateTimeOffset() ?? run.StartedAt.ToDateTimeOffset())
                : null,
            Outcome = run.Outcome == V1.Outcome.Unspecified ? null : OutcomeFromProto(run.Outcome),
            Ending = ending,
        };
    }

    private static StepDocument MigrateStep(V1.RunStep step, RunState runState)
    {
        if (!StepKinds.TryParse(step.Kind, out var kind))
        {
            throw new InvalidDataException($"stored step {step.StepId} has an unknown kind \"{step.Kind}\"");
        }

        var state = step.State switch
        {
            V1.RunStep.Types.State.Pending => StepState.Pending,
            V1.RunStep.Types.State.Running => StepState.Running,
            V1.RunStep.Types.State.Done => StepState.Done,
            V1.RunStep.Types.State.Skipped => StepState.Skipped,
            V1.RunStep.Types.State.Aborted => StepState.Aborted,
            V1.RunStep.Types.State.Interrupted => StepState.Interrupted,
            // Before run/2 a step stopped by an abort or a fault was marked failed without a verdict.
            V1.RunStep.Types.State.Failed when step.Verdict is null => runState == RunState.Aborted ? StepState.Aborted : StepState.Interrupted,
            _ => StepState.Failed,
        };
        StepResultDocument? result = null;
        JsonElement? evidence = null;
        if (step.Verdict is { } v)
        {
            result = new StepResultDocument(TestKindFromProto(v.Kind), OutcomeFromProto(v.Outcome), v.ReasonCode.Length > 0 ? v.ReasonCode : null, v.Reason.Length > 0 ? v.Reason : null,
                v.MeasuredAt?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch, [.. v.ReadingIds], [.. v.Instruments.Select(i => i.InstrumentId)]);
            evidence = RunMapping.Evidence(v);
        }

        return new StepDocument(step.StepId, kind, step.Core, step.Title, state, step.Progress, step.HasRemainingS ? step.RemainingS : null, result, evidence);
    }

    private static Outcome OutcomeFromProto(V1.Outcome outcome) => outcome switch
    {
        V1.Outcome.Pass => Outcome.Pass,
        V1.Outcome.ConditionalPass => Outcome.ConditionalPass,
        V1.Outcome.ConditionalFail => Outcome.ConditionalFail,
        V1.Outcome.Fail => Outcome.Fail,
        V1.Outcome.Invalid => Outcome.Invalid,
        V1.Outcome.Inconclusive => Outcome.Inconclusive,
        V1.Outcome.Error => Outcome.Error,
        V1.Outcome.Retest => Outcome.Retest,
        _ => Outcome.Incomplete,
    };

    private static TestKind TestKindFromProto(V1.TestKind kind) => kind switch
    {
        V1.TestKind.ConductorResistance => TestKind.ConductorResistance,
        V1.TestKind.InsulationResistance => TestKind.InsulationResistance,
        _ => TestKind.VoltageWithstand,
    };
}
