using System.Globalization;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Recording;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;
using CableTest.Service.Grpc;
using CableTest.Service.Grpc.Standards;
using DomainTestKind = CableTest.Domain.Verdicts.TestKind;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

public sealed partial class RunOrchestrator
{
    /// <summary>
    /// Starts a run on the bench. Idempotent by <c>request_id</c> (a retried start returns the same run). Refused,
    /// before anything moves, with INVALID_ARGUMENT or FAILED_PRECONDITION (one violation per problem) when the plan
    /// cannot produce a verdict for every step, or when the bench is busy.
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
        lock (_gate)
        {
            // Busy is answered before the store is asked (it may be the store that is away); a retried start with the
            // same request id goes on to return its run. A run that ended but is not yet stored and on the record holds
            // the bench, so the feed stays in run order.
            if (_active is { } busy && !(request.RequestId.Length > 0 && busy.RequestId == request.RequestId))
            {
                throw new PreconditionFailedException(RunRefusals.BenchBusy, busy.RunId, busy.Closing
                    ? $"bench busy: run {busy.RunId} ended and is waiting for the run store to record it"
                    : $"bench busy: run {busy.RunId} is in progress");
            }
        }

        if (!_bench.IsConnected)
        {
            throw new PreconditionFailedException("bench_not_connected", _bench.BenchId, "the bench is not connected yet");
        }

        var sample = await GetSampleAsync(request.SampleId, cancellationToken).ConfigureAwait(false);
        var settings = new RunSettings(rule, kt, voltageKind!.Value, replay?.Edition);
        var planned = new TestPlanBuilder(_catalogue).Build(new PlanRequest(sample.ToDomain(), [.. request.Tests.Select(t => t.ToDomain()).OfType<DomainTestKind>()], settings, BenchFacts()));
        PlanRefusal.ThrowIfAny(planned.Violations);
        var plan = planned.Plan!;
        if (ActiveRunId.Length == 0) // a busy bench is answered without asking the instruments
        {
            await StartReadiness.ThrowIfNotReadyAsync(_bench, plan, cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        var runId = replay?.RunId ?? "run-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var run = Run.Create(runId, plan, string.IsNullOrWhiteSpace(request.OperatorName) ? operatorName : request.OperatorName, now);
        var active = new ActiveRun(run, new CancellationTokenSource(), request.RequestId);
        lock (_gate)
        {
            if (_active is { } same && request.RequestId.Length > 0 && same.RequestId == request.RequestId)
            {
                lock (same.Gate)
                {
                    return (Document(same).ToProto(), null);
                }
            }

            if (_active is { } busy)
            {
                throw new PreconditionFailedException(RunRefusals.BenchBusy, busy.RunId, busy.Closing
                    ? $"bench busy: run {busy.RunId} ended and is waiting for the run store to record it"
                    : $"bench busy: run {busy.RunId} is in progress");
            }

            _active = active;
        }

        RunDocument document;
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

            lock (active.Gate)
            {
                document = Document(active);
            }

            await SaveAsync(document, cancellationToken).ConfigureAwait(false);
            active.LastSaved = document;
        }
        catch
        {
            Release(active);
            throw;
        }

        active.Execution = Task.Run(() => ExecuteAsync(active), CancellationToken.None);
        return (document.ToProto(), active);
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

    private async Task ExecuteAsync(ActiveRun active)
    {
        var token = active.Abort.Token;
        RecordingWriter? recording = null;
        var trace = Telemetry.RunTelemetry.StartRun(active.RunId, active.Run.SampleId, _bench.Mode);
        try
        {
            var recordings = Path.Combine(_bench.DataDirectory, "recordings");
            recording = new RecordingWriter(Path.Combine(recordings, active.RunId + ".jsonl"), active.RunId, _time, [.. _bench.Instruments.Select(i => i.ToRecorded())], RunParameters.Of(_options, Method));
            _bench.Recorder.Attach(recording);
            await ChangeAsync(active, r => r.Start()).ConfigureAwait(false);
            LogRunStarted(_logger, active.RunId, active.Run.SampleId, _bench.Mode);
            for (var i = 0; i < active.Run.Steps.Count; i++)
            {
                token.ThrowIfCancellationRequested();
                var index = i;
                var step = await ChangeAsync(active, r => r.BeginStep(index)).ConfigureAwait(false);
                using var stepTrace = Telemetry.RunTelemetry.StartStep(step.StepId, step.Kind.Name(), step.Core);
                await RunStepAsync(active, step, token).ConfigureAwait(false);
                // The evaluation step stays running until the run completes (bench confirmed safe); its work, the record, is done here.
                stepTrace.Done(step.Kind == StepKind.Evaluate && step.State == StepState.Running ? nameof(StepState.Done) : step.State.ToString());
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            var reason = active.AbortReason ?? "aborted";
            End(active, r => r.Abort(reason, active.AbortedBy, _time.GetUtcNow()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRunFault(_logger, active.RunId, e);
            End(active, r => r.Fault(RunEndingPhrases.StoppedByAFault + ": " + e.Message, _time.GetUtcNow()));
        }
        finally
        {
            var safe = await _bench.MakeSafeAsync($"end of run {active.RunId}").ConfigureAwait(false);
            _bench.Recorder.Detach();
            recording?.Dispose();
            var (state, outcome) = await CloseAsync(active, safe).ConfigureAwait(false);
            trace.Ended(state, outcome);
            ReturnMemoryAfterRun();
        }
    }

    /// <summary>
    /// A run is minutes of work followed by a pause: what it allocated (readings, evidence, the
    /// recording) is garbage once it has ended, so the heap is compacted and its free memory returned
    /// to the system (a few ms on this heap), and the service's memory stays what it holds, run
    /// after run (issue 16.6; docs/service.md). Off with Bench:CompactMemoryAfterRun=false.
    /// </summary>
    private void ReturnMemoryAfterRun()
    {
        if (_options.CompactMemoryAfterRun)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>Applies a change to the aggregate, stores the run (state changes always) and tells the watchers.</summary>
    private async Task<T> ChangeAsync<T>(ActiveRun active, Func<Run, T> change)
    {
        T result;
        RunDocument document;
        lock (active.Gate)
        {
            result = change(active.Run);
            document = Document(active);
        }

        await SaveAsync(document, CancellationToken.None).ConfigureAwait(false);
        active.LastSaved = document;
        active.LastSavedAt = _time.GetTimestamp();
        _events.Publish(active.RunId, new V1.RunEvent { Time = Now(), Snapshot = document.ToProto() });
        return result;
    }

    private Task ChangeAsync(ActiveRun active, Action<Run> change) => ChangeAsync(active, r =>
    {
        change(r);
        return true;
    });

    /// <summary>Ends the aggregate (abort or fault) unless it already ended; stored by the closing path.</summary>
    private static void End(ActiveRun active, Action<Run> end)
    {
        lock (active.Gate)
        {
            if (!active.Run.IsEnded)
            {
                end(active.Run);
            }
        }
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Run {RunId} started for sample {SampleId} on the {Mode} bench")]
    private static partial void LogRunStarted(ILogger logger, string runId, string sampleId, string mode);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Error, Message = "Run {RunId} stopped by a fault")]
    private static partial void LogRunFault(ILogger logger, string runId, Exception exception);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "Run {RunId} ended {State} ({Outcome}) {Reason}")]
    private static partial void LogRunEnded(ILogger logger, string runId, string state, string outcome, string reason);
}
