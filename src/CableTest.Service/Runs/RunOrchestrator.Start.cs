using System.Globalization;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Recording;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;
using CableTest.Service.Grpc;
using CableTest.Service.Grpc.Standards;
using Google.Protobuf.WellKnownTypes;
using DomainTestKind = CableTest.Domain.Verdicts.TestKind;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

public sealed partial class RunOrchestrator
{
    /// <summary>
    /// Starts a run on the bench. Idempotent by <c>request_id</c> (a retried start returns the same run).
    /// Refused with FAILED_PRECONDITION when the bench is busy or, by policy, an instrument is past calibration.
    /// </summary>
    public async Task<V1.Run> StartRunAsync(V1.StartRunRequest request, string operatorName, CancellationToken cancellationToken) =>
        (await StartAsync(request, operatorName, null, cancellationToken).ConfigureAwait(false)).Run;

    /// <summary>Starts a run; <paramref name="replay"/> (replays only) fixes the run id and the conductor standard edition. Returns the run and, when this call started it, its state.</summary>
    private async Task<(V1.Run Run, ActiveRun? Started)> StartAsync(V1.StartRunRequest request, string operatorName, ReplayIdentity? replay, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.SampleId))
        {
            throw new RequestValidationException([new FieldViolation("sample_id", "required")]);
        }

        var parse = new EvaluateRequests(_catalogue);
        var rule = parse.Rule(request.DecisionRule);
        var kt = KtMethod.Alpha20;
        if (!string.IsNullOrEmpty(request.KtMethod) && !KtMethodNames.TryParse(request.KtMethod, out kt))
        {
            parse.AddViolation("kt_method", $"must be {KtMethodNames.Alpha20} or {KtMethodNames.Iec60228TableB1}");
        }

        VoltageKind? voltageKind = request.WithstandVoltageKind.Length == 0 ? VoltageKind.AC
            : VoltageKinds.TryParse(request.WithstandVoltageKind, out var parsedKind) ? parsedKind : null;
        if (voltageKind is null)
        {
            parse.AddViolation("withstand_voltage_kind", $"must be {VoltageKinds.Ac} or {VoltageKinds.Dc}");
        }

        if (request.Tests.Any(t => t == V1.TestKind.Unspecified || !System.Enum.IsDefined(t)))
        {
            parse.AddViolation("tests", "unknown test kind");
        }

        if (request.RequestId.Length > 128)
        {
            parse.AddViolation("request_id", "at most 128 characters");
        }

        parse.ThrowIfInvalid();
        if (!_bench.IsConnected)
        {
            throw new PreconditionFailedException("bench_not_connected", _bench.BenchId, "the bench is not connected yet");
        }

        var sample = await GetSampleAsync(request.SampleId, cancellationToken).ConfigureAwait(false);
        var settings = new RunSettings(rule, kt, voltageKind!.Value, replay?.Edition);
        var planned = new TestPlanBuilder(_catalogue).Build(new PlanRequest(sample.ToDomain(), [.. request.Tests.Select(t => t.ToDomain()).OfType<DomainTestKind>()], settings, BenchFacts()));
        PlanRefusal.ThrowIfAny(planned.Violations);
        var plan = planned.Plan!;
        if (ActiveRunId.Length == 0) // busy is answered below without asking the instruments
        {
            await StartReadiness.ThrowIfNotReadyAsync(_bench, plan, cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        var runId = replay?.RunId ?? "run-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var run = new V1.Run
        {
            RunId = runId,
            SampleId = sample.SampleId,
            State = V1.RunState.Pending,
            OperatorName = string.IsNullOrWhiteSpace(request.OperatorName) ? operatorName : request.OperatorName,
            StartedAt = Timestamp.FromDateTimeOffset(now),
            DecisionRule = request.DecisionRule ?? new V1.DecisionRule { Kind = V1.DecisionRule.Types.Kind.SimpleAcceptance },
            KtMethod = kt.ToWireName(),
            CurrentStep = 0,
        };
        run.Steps.AddRange(plan.Steps.Select(s => Step(s.StepId, s.Kind.Name(), s.Core, s.Title)));
        var active = new ActiveRun(run, sample, plan.Requirements, rule, kt, voltageKind.Value, new CancellationTokenSource()) { RequestId = request.RequestId, Edition = replay?.Edition };
        lock (_gate)
        {
            if (_active is { } same && request.RequestId.Length > 0 && same.RequestId == request.RequestId)
            {
                lock (same.Gate)
                {
                    return (same.Run.Clone(), null);
                }
            }

            if (_active is { } busy)
            {
                throw new PreconditionFailedException(RunRefusals.BenchBusy, busy.Run.RunId, $"bench busy: run {busy.Run.RunId} is in progress");
            }

            _active = active;
        }

        try
        {
            if (request.RequestId.Length > 0)
            {
                var claimed = await _store.ClaimStartRequestAsync(request.RequestId, runId, cancellationToken).ConfigureAwait(false);
                if (claimed != runId)
                {
                    Release(active);
                    return (await GetRunAsync(claimed, cancellationToken).ConfigureAwait(false), null);
                }
            }

            await SaveAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(active);
            throw;
        }

        active.Execution = Task.Run(() => ExecuteAsync(active), CancellationToken.None);
        lock (active.Gate)
        {
            return (run.Clone(), active);
        }
    }

    /// <summary>The bench as a plan sees it: its instruments, their calibration and the policy.</summary>
    private BenchFacts BenchFacts() => new(
        [.. _bench.Instruments.Select(i => new PlanInstrument(i.Id, i.Role, i.Due))],
        _options.Policy == CalibrationPolicy.Block,
        DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime),
        _options.WaterBathTemperatureC);

    private void Release(ActiveRun active)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_active, active))
            {
                _active = null;
            }
        }
    }

    private static V1.RunStep Step(string id, string kind, string core, string title) => new()
    {
        StepId = id,
        Kind = kind,
        Core = core,
        Title = title,
        State = V1.RunStep.Types.State.Pending,
    };

    private static string Core(int core) => core.ToString(CultureInfo.InvariantCulture);

    private async Task ExecuteAsync(ActiveRun active)
    {
        var run = active.Run;
        var token = active.Abort.Token;
        RecordingWriter? recording = null;
        string endReason = "";
        var trace = Telemetry.RunTelemetry.StartRun(run.RunId, run.SampleId, _bench.Mode);
        try
        {
            var recordings = Path.Combine(_bench.DataDirectory, "recordings");
            recording = new RecordingWriter(Path.Combine(recordings, run.RunId + ".jsonl"), run.RunId, _time, [.. _bench.Instruments.Select(i => i.ToRecorded())], RunParameters.Of(_options, Method));
            _bench.Recorder.Attach(recording);
            await UpdateAsync(active, r => r.State = V1.RunState.Running).ConfigureAwait(false);
            LogRunStarted(_logger, run.RunId, run.SampleId, _bench.Mode);
            for (var i = 0; i < run.Steps.Count; i++)
            {
                token.ThrowIfCancellationRequested();
                var step = run.Steps[i];
                await UpdateAsync(active, r =>
                {
                    r.CurrentStep = i;
                    step.State = V1.RunStep.Types.State.Running;
                }).ConfigureAwait(false);
                using var stepTrace = Telemetry.RunTelemetry.StartStep(step.StepId, step.Kind, step.Core);
                await RunStepAsync(active, step, token).ConfigureAwait(false);
                await UpdateAsync(active, r =>
                {
                    step.State = step.Verdict is { } v && v.Outcome is V1.Outcome.Error ? V1.RunStep.Types.State.Failed : V1.RunStep.Types.State.Done;
                    step.Progress = 1;
                    step.ClearRemainingS();
                }).ConfigureAwait(false);
                stepTrace.Done(step.State.ToString());
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            endReason = active.AbortReason ?? "aborted";
            await EndAsync(active, V1.RunState.Aborted, endReason).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            endReason = "stopped by a fault: " + e.Message;
            LogRunFault(_logger, run.RunId, e);
            await EndAsync(active, V1.RunState.Incomplete, endReason).ConfigureAwait(false);
        }
        finally
        {
            var safe = await _bench.MakeSafeAsync($"end of run {run.RunId}").ConfigureAwait(false);
            if (!safe)
            {
                await UpdateAsync(active, r => r.EndReason = (r.EndReason.Length > 0 ? r.EndReason + "; " : "") + "HIGH VOLTAGE NOT CONFIRMED OFF").ConfigureAwait(false);
            }

            _bench.Recorder.Detach();
            recording?.Dispose();
            V1.Run final;
            lock (active.Gate)
            {
                if (run.State == V1.RunState.Evaluating && active.Outcome is { } outcome)
                {
                    run.State = V1.RunState.Completed;
                    run.Outcome = outcome;
                    run.EndedAt = Timestamp.FromDateTimeOffset(_time.GetUtcNow());
                }
                else if (run.State is V1.RunState.Running or V1.RunState.AwaitingOperator or V1.RunState.Evaluating or V1.RunState.Pending)
                {
                    run.State = V1.RunState.Incomplete;
                    run.Outcome = V1.Outcome.Incomplete;
                    run.EndedAt = Timestamp.FromDateTimeOffset(_time.GetUtcNow());
                }

                final = run.Clone();
            }

            // The bench is free before the end is stored or told: whoever sees the end sees a free (and safe) bench.
            Release(active);
            await SaveAsync(final, CancellationToken.None).ConfigureAwait(false);
            var ended = Timestamp.FromDateTimeOffset(_time.GetUtcNow());
            _events.Publish(run.RunId, new V1.RunEvent { Time = ended, Snapshot = final });
            if (active.Verdict is { } verdict && final.State == V1.RunState.Completed)
            {
                _events.Publish(run.RunId, new V1.RunEvent { Time = ended, Verdict = verdict });
            }

            _events.Complete(run.RunId);
            LogRunEnded(_logger, run.RunId, StateName(final.State), final.Outcome.ToString(), final.EndReason);
            trace.Ended(StateName(final.State), final.Outcome.ToString());
        }
    }

    private Task EndAsync(ActiveRun active, V1.RunState state, string reason) => UpdateAsync(active, r =>
    {
        r.State = state;
        r.Outcome = V1.Outcome.Incomplete;
        r.EndReason = reason;
        r.PendingPrompt = null;
        r.EndedAt = Timestamp.FromDateTimeOffset(_time.GetUtcNow());
        foreach (var step in r.Steps)
        {
            if (step.State == V1.RunStep.Types.State.Running)
            {
                step.State = V1.RunStep.Types.State.Failed;
            }
            else if (step.State == V1.RunStep.Types.State.Pending)
            {
                step.State = V1.RunStep.Types.State.Skipped;
            }
        }
    });

    /// <summary>Applies a change to the run document, stores it and tells the watchers.</summary>
    private async Task UpdateAsync(ActiveRun active, Action<V1.Run> change)
    {
        V1.Run snapshot;
        lock (active.Gate)
        {
            change(active.Run);
            snapshot = active.Run.Clone();
        }

        await SaveAsync(snapshot, CancellationToken.None).ConfigureAwait(false);
        _events.Publish(snapshot.RunId, new V1.RunEvent { Time = Timestamp.FromDateTimeOffset(_time.GetUtcNow()), Snapshot = snapshot });
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Run {RunId} started for sample {SampleId} on the {Mode} bench")]
    private static partial void LogRunStarted(ILogger logger, string runId, string sampleId, string mode);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Error, Message = "Run {RunId} stopped by a fault")]
    private static partial void LogRunFault(ILogger logger, string runId, Exception exception);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "Run {RunId} ended {State} ({Outcome}) {Reason}")]
    private static partial void LogRunEnded(ILogger logger, string runId, string state, string outcome, string reason);
}
