using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Runs.Plan;
using CableTest.Service.Bench;
using CableTest.Service.Grpc;
using CableTest.Storage.Readings;
using CableTest.Storage.Runs;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>
/// Runs the GB/T 3048 sequence on the bench, one run at a time: ambient → conductor resistance per core →
/// insulation resistance per core → voltage withstand → evaluation → verdict. Every way out of a run
/// (completion, abort, instrument fault, shutdown) goes through the bench's safe state.
/// </summary>
public sealed partial class RunOrchestrator
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private readonly Bench.Bench _bench;
    private readonly IRunStore _store;
    private readonly ReadingJournal _journal;
    private readonly RunEventHub _events;
    private readonly BenchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RunOrchestrator> _logger;
    private readonly StandardsCatalogue _catalogue = StandardsCatalogue.LoadDefault();
    private readonly VerdictEngine _engine = VerdictEngine.Default;
    private readonly Lock _gate = new();
    private ActiveRun? _active;

    /// <summary>Creates the orchestrator.</summary>
    public RunOrchestrator(Bench.Bench bench, IRunStore store, ReadingJournal journal, RunEventHub events, IOptions<BenchOptions> options, TimeProvider time, ILogger<RunOrchestrator> logger)
    {
        _bench = bench;
        _store = store;
        _journal = journal;
        _events = events;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The method constants runs use (the method data; a replay, the recorded run's).</summary>
    internal TestMethodConstants Method { get; init; } = StandardsCatalogue.LoadDefault().Method;

    /// <summary>The active run's id, or "".</summary>
    public string ActiveRunId
    {
        get
        {
            lock (_gate)
            {
                return _active?.Run.RunId ?? "";
            }
        }
    }

    /// <summary>Registers a sample: resolves its product spec so a sample the standards cannot judge is refused now, not mid-run.</summary>
    public async Task<V1.Sample> RegisterSampleAsync(V1.RegisterSampleRequest request, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(request.SampleId) || request.SampleId.Length > 128)
        {
            violations.Add(new FieldViolation("sample_id", "required, at most 128 characters"));
        }

        var spec = string.IsNullOrWhiteSpace(request.SpecId) ? null : _catalogue.FindProductSpec(request.SpecId);
        if (spec is null)
        {
            violations.Add(new FieldViolation("spec_id", $"unknown product spec \"{request.SpecId}\" (ListProductSpecs names them)"));
        }

        if (request.Cores is < 1 or > 100)
        {
            violations.Add(new FieldViolation("cores", "must be within 1..100"));
        }

        // The same geometry rules as the plan at StartRun: NaN, zero, negative or swapped diameters are refused here.
        violations.AddRange(SampleChecks.Geometry(request.CrossSectionMm2, request.LengthM,
                request.HasConductorDiameterMm ? request.ConductorDiameterMm : null,
                request.HasInsulationOuterDiameterMm ? request.InsulationOuterDiameterMm : null)
            .Select(v => new FieldViolation(v.Field, v.Problem)));

        if (violations.Count > 0)
        {
            throw new RequestValidationException(violations);
        }

        var resolved = _catalogue.ResolveSample(spec!.ProductCode, spec.RatedVoltage.ToString(), (decimal)request.CrossSectionMm2, request.Cores, request.HasConductorClass ? request.ConductorClass : null);
        if (!resolved.Found)
        {
            throw new RequestValidationException([new FieldViolation("spec_id", resolved.Detail ?? "sample outside its product spec")]);
        }

        var r = resolved.Value!;
        var sample = new V1.Sample
        {
            SampleId = request.SampleId,
            LimsOrder = request.LimsOrder,
            SpecId = spec.Id,
            ProductSpec = spec.Title,
            Conductor = new V1.ConductorSpec
            {
                ConductorClass = r.Conductor.ConductorClass,
                Material = r.Conductor.Material.ToString().ToLowerInvariant(),
                Coated = r.Conductor.Coated,
                CrossSectionMm2 = (double)r.Conductor.CrossSectionMm2,
            },
            Cores = request.Cores,
            LengthM = request.LengthM,
            RatedVoltage = spec.RatedVoltage.ToString(),
            Description = request.Description,
            RegisteredAt = Timestamp.FromDateTimeOffset(_time.GetUtcNow()),
        };
        if (request.HasConductorDiameterMm)
        {
            sample.ConductorDiameterMm = request.ConductorDiameterMm;
        }

        if (request.HasInsulationOuterDiameterMm)
        {
            sample.InsulationOuterDiameterMm = request.InsulationOuterDiameterMm;
        }

        if (!await _store.TryAddSampleAsync(new SampleRecord(sample.SampleId, sample.LimsOrder, Json.Format(sample), _time.GetUtcNow()), cancellationToken).ConfigureAwait(false))
        {
            throw new AlreadyExistsException("sample", request.SampleId);
        }

        return sample;
    }

    /// <summary>A registered sample.</summary>
    public async Task<V1.Sample> GetSampleAsync(string sampleId, CancellationToken cancellationToken)
    {
        var record = await _store.GetSampleAsync(sampleId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("sample", sampleId);
        return Parser.Parse<V1.Sample>(record.Json);
    }

    /// <summary>A run, live or stored.</summary>
    public async Task<V1.Run> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_active is { } a && a.Run.RunId == runId)
            {
                lock (a.Gate)
                {
                    return a.Run.Clone();
                }
            }
        }

        var record = await _store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("run", runId);
        return Parser.Parse<V1.Run>(record.Json);
    }

    /// <summary>Stored runs, newest first.</summary>
    public async Task<IReadOnlyList<V1.Run>> ListRunsAsync(string? sampleId, int limit, int offset, CancellationToken cancellationToken)
    {
        var records = await _store.ListRunsAsync(string.IsNullOrEmpty(sampleId) ? null : sampleId, null, limit, offset, cancellationToken).ConfigureAwait(false);
        return records.Select(r => Parser.Parse<V1.Run>(r.Json)).ToList();
    }

    /// <summary>Aborts the active run: the bench goes to its safe state, the run ends aborted.</summary>
    public async Task<V1.Run> AbortAsync(string runId, string reason, CancellationToken cancellationToken)
    {
        ActiveRun? active;
        lock (_gate)
        {
            active = _active is { } a && a.Run.RunId == runId ? a : null;
        }

        if (active is null)
        {
            var stored = await GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
            throw new PreconditionFailedException(RunRefusals.NotRunning, runId, $"run {runId} is {stored.State}, not running");
        }

        active.AbortReason = string.IsNullOrWhiteSpace(reason) ? "aborted by the operator" : reason;
        await active.Abort.CancelAsync().ConfigureAwait(false);
        if (active.Execution is { } execution)
        {
            await execution.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }

        return await GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers the pending prompt of the active run.</summary>
    public Task<V1.Run> AnswerPromptAsync(string runId, string promptId, bool acknowledged, string operatorName, CancellationToken cancellationToken)
    {
        ActiveRun? active;
        lock (_gate)
        {
            active = _active is { } a && a.Run.RunId == runId ? a : null;
        }

        if (active is null)
        {
            throw new PreconditionFailedException(RunRefusals.NotRunning, runId, $"run {runId} is not running");
        }

        TaskCompletionSource<string>? answer;
        lock (active.Gate)
        {
            if (active.Run.PendingPrompt is not { } prompt || prompt.PromptId != promptId)
            {
                throw new PreconditionFailedException(RunRefusals.NoPrompt, promptId, $"run {runId} is not waiting for prompt {promptId}");
            }

            answer = active.PromptAnswer;
        }

        if (!acknowledged)
        {
            active.AbortReason = $"prompt declined by {(string.IsNullOrWhiteSpace(operatorName) ? "the operator" : operatorName)}";
            active.Abort.Cancel();
        }
        else
        {
            answer?.TrySetResult(operatorName);
        }

        return GetRunAsync(runId, cancellationToken);
    }

    /// <summary>Closes runs a crash left open: the bench is already safe (startup), they end incomplete, never pass.</summary>
    public async Task CloseInterruptedRunsAsync(bool highVoltageConfirmedOff, CancellationToken cancellationToken)
    {
        var open = await _store.ListRunsAsync(null, ["running", "awaiting_operator", "evaluating", "pending"], 1000, 0, cancellationToken).ConfigureAwait(false);
        foreach (var record in open)
        {
            var run = Parser.Parse<V1.Run>(record.Json);
            run.State = V1.RunState.Incomplete;
            run.Outcome = V1.Outcome.Incomplete;
            run.PendingPrompt = null;
            run.EndedAt = Timestamp.FromDateTimeOffset(_time.GetUtcNow());
            run.EndReason = "interrupted (service stopped or crashed); " + (highVoltageConfirmedOff ? "high voltage confirmed off at restart" : "HIGH VOLTAGE NOT CONFIRMED OFF at restart");
            foreach (var step in run.Steps.Where(s => s.State is V1.RunStep.Types.State.Running or V1.RunStep.Types.State.Pending))
            {
                step.State = step.State == V1.RunStep.Types.State.Running ? V1.RunStep.Types.State.Failed : V1.RunStep.Types.State.Skipped;
            }

            await SaveAsync(run, CancellationToken.None).ConfigureAwait(false);
            LogClosedInterrupted(_logger, run.RunId);
        }
    }

    /// <summary>Stops the active run for shutdown (the bench is made safe by the run's own exit path).</summary>
    public async Task ShutdownAsync()
    {
        ActiveRun? active;
        lock (_gate)
        {
            active = _active;
        }

        if (active is null)
        {
            return;
        }

        active.AbortReason = "service shutting down";
        await active.Abort.CancelAsync().ConfigureAwait(false);
        if (active.Execution is { } execution)
        {
            try
            {
                await execution.WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                LogShutdownSlow(_logger, active.Run.RunId);
            }
        }
    }

    /// <summary>The run as stored.</summary>
    internal Task SaveAsync(V1.Run run, CancellationToken cancellationToken)
    {
        var ended = run.EndedAt?.ToDateTimeOffset();
        return _store.SaveRunAsync(new RunRecord(run.RunId, run.SampleId, StateName(run.State), Json.Format(run), run.StartedAt.ToDateTimeOffset(), ended, _time.GetUtcNow()), cancellationToken);
    }

    internal static string StateName(V1.RunState state) => state switch
    {
        V1.RunState.Pending => "pending",
        V1.RunState.Running => "running",
        V1.RunState.AwaitingOperator => "awaiting_operator",
        V1.RunState.Evaluating => "evaluating",
        V1.RunState.Completed => "completed",
        V1.RunState.Aborted => "aborted",
        V1.RunState.Incomplete => "incomplete",
        _ => "unspecified",
    };

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Run {RunId} was left open by a crash or stop: closed as incomplete")]
    private static partial void LogClosedInterrupted(ILogger logger, string runId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Run {RunId} did not stop within 20 s of shutdown")]
    private static partial void LogShutdownSlow(ILogger logger, string runId);
}
