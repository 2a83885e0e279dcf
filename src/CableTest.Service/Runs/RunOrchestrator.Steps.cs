using CableTest.Domain.Verdicts;
using CableTest.Instruments.Drivers;
using CableTest.Runs.Model;
using CableTest.Runs.Procedures;
using CableTest.Runs.Procedures.Ambient;
using CableTest.Runs.Procedures.ConductorResistance;
using CableTest.Runs.Procedures.InsulationResistance;
using CableTest.Runs.Procedures.VoltageWithstand;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

public sealed partial class RunOrchestrator
{
    /// <summary>
    /// Answers every prompt at once (as the run's operator) instead of waiting for one: replays only, where the
    /// recording, not a person, decides what the instruments answer.
    /// </summary>
    internal bool AcknowledgePrompts { get; init; }

    /// <summary>Runs one step: its procedure through the ports, then the step's result into the aggregate (by the typed kind; no default).</summary>
    private async Task RunStepAsync(ActiveRun active, RunStep step, CancellationToken token)
    {
        var context = new StepContext(step.StepId, new RunReadingSink(active, _bench, _journal, _events, _time), new RunOperatorPrompts(active, this),
            _bench.Cores, new RunStepProgress(active, this), _time);
        var plan = active.Run.Plan;
        var ambientId = _bench.Instrument(InstrumentRole.AmbientSensor).Id;
        StepResult result;
        switch (step.Kind)
        {
            case StepKind.Ambient:
                var ambient = await new AmbientProcedure(_bench.Ambient, ambientId, new AmbientOptions
                {
                    Readings = (int)Method.AmbientReadings.Value,
                    MaxSpreadK = (double)Method.AmbientMaxSpreadK.Value,
                    PollInterval = _options.PollInterval,
                    MinC = _options.AmbientMinC,
                    MaxC = _options.AmbientMaxC,
                }).RunAsync(context, token).ConfigureAwait(false);
                active.AmbientC = ambient.MeanC;
                await ChangeAsync(active, r => r.CompleteStep()).ConfigureAwait(false);
                return;
            case StepKind.ConductorResistance:
                result = await new ConductorResistanceProcedure(_bench.Meter, _bench.Instrument(InstrumentRole.ConductorResistanceMeter).Id, ambientId, new ConductorResistanceOptions
                {
                    Readings = _options.ResistanceReadings,
                    RangeHeadroom = (double)Method.ResistanceRangeHeadroom.Value,
                    AmbientMinC = _options.AmbientMinC,
                    AmbientMaxC = _options.AmbientMaxC,
                    MeterAccuracy = _bench.Accuracy(InstrumentRole.ConductorResistanceMeter, "resistance_ohm"),
                    ThermometerAccuracy = _bench.Accuracy(InstrumentRole.AmbientSensor, "temperature_c"),
                }).RunAsync(context, plan, step.CoreNumber!.Value, active.AmbientC, token).ConfigureAwait(false);
                break;
            case StepKind.InsulationResistance:
                result = await new InsulationResistanceProcedure(_bench.Insulation, _bench.Instrument(InstrumentRole.InsulationTester).Id, ambientId, new InsulationResistanceOptions
                {
                    TestVoltageV = _options.InsulationTestVoltageV,
                    Electrification = _options.Electrification,
                    PollInterval = _options.PollInterval,
                    WaterBathTemperatureC = _options.WaterBathTemperatureC,
                    StepTimeout = _options.StepTimeout,
                    MeterAccuracy = _bench.Accuracy(InstrumentRole.InsulationTester, "resistance_ohm"),
                    SourceAccuracy = _bench.Accuracy(InstrumentRole.InsulationTester, "voltage_v"),
                    AmmeterAccuracy = _bench.Accuracy(InstrumentRole.InsulationTester, "current_a"),
                    BathAccuracy = _bench.Bath is null ? null : _bench.Accuracy(InstrumentRole.BathThermometer, "temperature_c"),
                    AmbientAccuracy = _bench.Accuracy(InstrumentRole.AmbientSensor, "temperature_c"),
                })
                {
                    Bath = _bench.Bath,
                }.RunAsync(context, plan, step.CoreNumber!.Value, active.AmbientC, token).ConfigureAwait(false);
                break;
            case StepKind.VoltageWithstand:
                result = await new VoltageWithstandProcedure(new ObservedWithstandTester(_bench.Withstand, _bench), _bench.Instrument(InstrumentRole.WithstandTester).Id, new BenchSafeState(_bench), new VoltageWithstandOptions
                {
                    Ramp = _options.WithstandRamp,
                    FrequencyHz = (double)Method.AcNominalFrequencyHz.Value,
                    LeakageLimitMa = _options.LeakageLimitMa,
                    PollInterval = _options.PollInterval,
                    StepTimeout = _options.StepTimeout,
                    VoltmeterAccuracy = _bench.Accuracy(InstrumentRole.WithstandTester, "voltage_v"),
                }).RunAsync(context, plan, token).ConfigureAwait(false);
                break;
            case StepKind.Evaluate:
                await EvaluateAsync(active, token).ConfigureAwait(false);
                return;
            default:
                throw new InvalidOperationException($"step {step.StepId} has no procedure for kind {step.Kind}");
        }

        result = UnderCalibrationPolicy(result);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var evidence = RunMapping.Evidence(step, result, id => _bench.Instruments.FirstOrDefault(i => i.Id == id)?.ToProto(today));
        await ChangeAsync(active, r =>
        {
            active.Evidence[step.StepId] = evidence;
            r.CompleteStep(result);
        }).ConfigureAwait(false);
    }

    /// <summary>A verdict from an instrument past its calibration (policy "inconclusive") is inconclusive, never a statement.</summary>
    private StepResult UnderCalibrationPolicy(StepResult result)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var overdue = _bench.Instruments.Where(i => result.InstrumentIds.Contains(i.Id) && i.IsOverdue(today)).ToList();
        if (overdue.Count == 0 || result.Verdict.Outcome is Outcome.Error or Outcome.Invalid)
        {
            return result;
        }

        return result with
        {
            Verdict = result.Verdict with
            {
                Outcome = Outcome.Inconclusive,
                ReasonCode = "calibration_overdue",
                Reason = "instrument calibration overdue: " + string.Join(", ", overdue.Select(i => $"{i.Id} (due {i.Due:yyyy-MM-dd})")),
            },
        };
    }

    /// <summary>Every test done: the run evaluates and its record (the sample verdict) is appended; completed once the bench is safe.</summary>
    private async Task EvaluateAsync(ActiveRun active, CancellationToken token)
    {
        await ChangeAsync(active, r => r.BeginEvaluation()).ConfigureAwait(false);
        await AppendRecordAsync(active, token).ConfigureAwait(false);
    }

    /// <summary>The operator port: the run awaits the operator until the prompt is answered (or the run is stopped).</summary>
    internal async Task<string> AskAsync(ActiveRun active, PromptKind kind, string message, CancellationToken token)
    {
        var stepId = active.Run.Steps[active.Run.CurrentStep].StepId;
        var prompt = new OperatorPrompt($"{stepId}-{(kind == PromptKind.ConnectCore ? "connect_core" : "close_cage")}-{Guid.NewGuid().ToString("N")[..6]}", kind, message, _time.GetUtcNow());
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (active.Gate)
        {
            active.PromptAnswer = answer;
        }

        await ChangeAsync(active, r => r.AwaitOperator(prompt)).ConfigureAwait(false);
        _events.Publish(active.RunId, new V1.RunEvent
        {
            Time = Now(),
            Prompt = new V1.Prompt { PromptId = prompt.PromptId, Kind = prompt.KindName, Message = prompt.Message, IssuedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(prompt.IssuedAt) },
        });
        if (AcknowledgePrompts)
        {
            answer.TrySetResult(active.Run.OperatorName);
        }

        var by = await answer.Task.WaitAsync(token).ConfigureAwait(false);
        await ChangeAsync(active, r => r.OperatorAnswered(prompt.PromptId)).ConfigureAwait(false);
        return by;
    }

    /// <summary>The progress port: every report reaches the aggregate and the watchers; the store at most every <see cref="ProgressSaveInterval"/>.</summary>
    internal async ValueTask ReportProgressAsync(ActiveRun active, double progress, double? remainingS)
    {
        RunDocument document;
        bool save;
        lock (active.Gate)
        {
            active.Run.ReportProgress(progress, remainingS);
            document = Document(active);
            save = _time.GetElapsedTime(active.LastSavedAt) >= ProgressSaveInterval;
        }

        if (save)
        {
            await SaveAsync(document, CancellationToken.None).ConfigureAwait(false);
            active.LastSaved = document;
            active.LastSavedAt = _time.GetTimestamp();
        }

        _events.Publish(active.RunId, new V1.RunEvent { Time = Now(), Snapshot = document.ToProto() });
    }

    /// <summary>A line of progress text for the watchers.</summary>
    internal void Log(ActiveRun active, string message) =>
        _events.Publish(active.RunId, new V1.RunEvent { Time = Now(), Log = message });
}
