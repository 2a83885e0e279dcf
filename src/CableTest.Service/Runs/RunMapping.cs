using System.Text.Json;
using CableTest.Domain.Verdicts;
using CableTest.Runs.Model;
using CableTest.Service.Grpc;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>The run at the edge: the stored/live run document → cabletest.v1.Run, and a step's result → its evidence document.</summary>
internal static class RunMapping
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static V1.Run ToProto(this RunDocument run)
    {
        var proto = new V1.Run
        {
            RunId = run.RunId,
            SampleId = run.Sample.SampleId,
            State = run.State.ToProto(),
            OperatorName = run.OperatorName,
            CurrentStep = Math.Max(0, run.CurrentStep),
            StartedAt = Timestamp.FromDateTimeOffset(run.StartedAt),
            Outcome = run.Outcome?.ToProto() ?? V1.Outcome.Unspecified,
            DecisionRule = Rule(run.Settings),
            KtMethod = run.Settings.KtMethod,
        };
        proto.Steps.AddRange(run.Steps.Select(Step));
        if (run.PendingPrompt is { } prompt)
        {
            proto.PendingPrompt = new V1.Prompt { PromptId = prompt.PromptId, Kind = prompt.KindName, Message = prompt.Message, IssuedAt = Timestamp.FromDateTimeOffset(prompt.IssuedAt) };
        }

        if (run.Ending is { } ending)
        {
            proto.EndedAt = Timestamp.FromDateTimeOffset(ending.At);
            proto.EndReason = EndReason(ending);
            proto.Ending = ending.ToProto();
        }

        return proto;
    }

    /// <summary>
    /// The ending in words: the reason, and a warning when high voltage could not be confirmed off, unless the reason
    /// already says so (an ending written at restart does: "… HIGH VOLTAGE NOT CONFIRMED OFF at restart").
    /// </summary>
    public static string EndReason(RunEnding ending) =>
        ending.HighVoltageConfirmedOff != false || ending.Reason.Contains(RunEndingPhrases.HighVoltageNotConfirmedOff, StringComparison.Ordinal) ? ending.Reason
        : (ending.Reason.Length > 0 ? ending.Reason + "; " : "") + RunEndingPhrases.HighVoltageNotConfirmedOff;

    public static V1.RunEnding ToProto(this RunEnding ending)
    {
        var proto = new V1.RunEnding
        {
            Kind = ending.Kind.ToString().ToLowerInvariant(),
            Reason = ending.Reason,
            By = ending.By ?? "",
            StepId = ending.StepId ?? "",
            EndedAt = Timestamp.FromDateTimeOffset(ending.At),
        };
        if (ending.HighVoltageConfirmedOff is { } off)
        {
            proto.HighVoltageConfirmedOff = off;
        }

        return proto;
    }

    /// <summary>The evidence document of a step's verdict: the domain verdict with the step, instruments, readings, curve and tester trace.</summary>
    public static JsonElement Evidence(RunStep step, StepResult result, Func<string, V1.InstrumentIdentity?> instrument)
    {
        var proto = result.Verdict.ToProto();
        proto.TestId = step.StepId;
        proto.Core = step.Core;
        proto.Instruments.AddRange(result.InstrumentIds.Select(instrument).OfType<V1.InstrumentIdentity>());
        proto.ReadingIds.AddRange(result.ReadingIds);
        proto.MeasuredAt = Timestamp.FromDateTimeOffset(result.MeasuredAt);
        if (proto.InsulationResistance is { } insulation)
        {
            insulation.Curve.AddRange(result.Curve.Select(p => new V1.InsulationCurvePoint { ElectrificationS = p.ElectrificationS, ResistanceMohm = p.ResistanceMohm }));
            insulation.TemperatureSource = result.TemperatureSource;
        }

        if (proto.ConductorResistance is { } conductor)
        {
            conductor.TemperatureSource = result.TemperatureSource;
        }

        if (proto.VoltageWithstand is { } withstand && result.Withstand is { } trace)
        {
            withstand.TesterOutcome = trace.TesterOutcome;
            withstand.LeakageLimitMa = trace.LeakageLimitMa;
            withstand.MaxLeakageMa = trace.MaxLeakageMa;
            if (trace.FailureVoltageKv is { } fv)
            {
                withstand.FailureVoltageKv = fv;
            }

            if (trace.FailureTimeS is { } ft)
            {
                withstand.FailureTimeS = ft;
            }
        }

        return JsonDocument.Parse(Formatter.Format(proto)).RootElement.Clone();
    }

    public static V1.TestVerdict TestVerdict(JsonElement evidence) => Parser.Parse<V1.TestVerdict>(evidence.GetRawText());

    public static JsonElement Evidence(V1.TestVerdict verdict) => JsonDocument.Parse(Formatter.Format(verdict)).RootElement.Clone();

    public static V1.RunState ToProto(this RunState state) => state switch
    {
        RunState.Pending => V1.RunState.Pending,
        RunState.Running => V1.RunState.Running,
        RunState.AwaitingOperator => V1.RunState.AwaitingOperator,
        RunState.Evaluating => V1.RunState.Evaluating,
        RunState.Completed => V1.RunState.Completed,
        RunState.Aborted => V1.RunState.Aborted,
        _ => V1.RunState.Incomplete,
    };

    /// <summary>The state's name in the store's index column.</summary>
    public static string StoreName(this RunState state) => state switch
    {
        RunState.AwaitingOperator => "awaiting_operator",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static V1.RunStep.Types.State ToProto(this StepState state) => state switch
    {
        StepState.Pending => V1.RunStep.Types.State.Pending,
        StepState.Running => V1.RunStep.Types.State.Running,
        StepState.Done => V1.RunStep.Types.State.Done,
        StepState.Failed => V1.RunStep.Types.State.Failed,
        StepState.Skipped => V1.RunStep.Types.State.Skipped,
        StepState.Aborted => V1.RunStep.Types.State.Aborted,
        _ => V1.RunStep.Types.State.Interrupted,
    };

    private static V1.RunStep Step(StepDocument step)
    {
        var proto = new V1.RunStep
        {
            StepId = step.StepId,
            Kind = step.Kind.Name(),
            Core = step.Core,
            Title = step.Title,
            State = step.State.ToProto(),
            Progress = step.Progress,
        };
        if (step.RemainingS is { } remaining)
        {
            proto.RemainingS = remaining;
        }

        if (step.Evidence is { } evidence)
        {
            proto.Verdict = TestVerdict(evidence);
        }

        return proto;
    }

    private static V1.DecisionRule Rule(SettingsDocument settings) => new()
    {
        Kind = settings.Rule.ToProto(),
        GuardBand = (double)settings.GuardBand,
        ExpandedUncertainty = (double)(settings.ExpandedUncertainty ?? 0m),
        CoverageFactor = (double)(settings.CoverageFactor ?? (settings.ExpandedUncertainty is null ? 0m : 2m)),
    };
}
