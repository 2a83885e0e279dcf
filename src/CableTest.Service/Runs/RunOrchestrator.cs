using CableTest.Domain.Standards;
using CableTest.Runs.Model;
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
/// The thin host of runs on this bench: one run at a time (scheduling), the run document in the store, events for the
/// watchers and the mapping to the contract. The run itself is the <see cref="Run"/> aggregate; each step is a
/// procedure of CableTest.Runs called through its ports. Every way out of a run (completion, abort, fault, shutdown)
/// goes through the bench's safe state and appends exactly one record to the verdict feed.
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
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
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

    /// <summary>Progress (not state changes) is stored at most this often; state changes are stored at once.</summary>
    internal static TimeSpan ProgressSaveInterval { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The active run's id, or "" (a run that ended but is not yet stored and on the record is still active).</summary>
    public string ActiveRunId
    {
        get
        {
            lock (_gate)
            {
                return _active?.RunId ?? "";
            }
        }
    }

    /// <summary>
    /// Registers a sample: resolves its product spec and checks its geometry, so a sample the standards cannot judge is refused
    /// now, not mid-run. A sampling record in the request is stored beside it (apart from the coded sample); the sample
    /// returned is the coded one.
    /// </summary>
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
        var sample = new Domain.Samples.CableSample(request.SampleId, request.LimsOrder, spec.Id, spec.Title, r.Conductor, request.Cores, request.LengthM,
            request.HasConductorDiameterMm ? request.ConductorDiameterMm : null,
            request.HasInsulationOuterDiameterMm ? request.InsulationOuterDiameterMm : null,
            spec.RatedVoltage.ToString(), request.Description, _time.GetUtcNow()).ToProto();
        var now = _time.GetUtcNow();
        var sampling = request.SamplingRecord is { } record
            ? new SealedSamplingRecord(sample.SampleId, spec.Id, record.Manufacturer.Trim(), Json.Format(record), now)
            : null;
        if (!await _store.TryAddSampleAsync(new SampleRecord(sample.SampleId, sample.LimsOrder, Json.Format(sample), now), sampling, cancellationToken).ConfigureAwait(false))
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

    /// <summary>A run, live or stored (an ending shows once it is stored and on the record).</summary>
    public async Task<V1.Run> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        ActiveRun? active;
        lock (_gate)
        {
            active = _active is { } a && a.RunId == runId ? a : null;
        }

        if (active is not null)
        {
            lock (active.Gate)
            {
                if (!active.Closing)
                {
                    return Document(active).ToProto();
                }

                if (active.LastSaved is { } saved)
                {
                    return saved.ToProto();
                }
            }
        }

        var record = await _store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("run", runId);
        return StoredRuns.ToProto(record.Json);
    }

    /// <summary>Stored runs, newest first.</summary>
    public async Task<IReadOnlyList<V1.Run>> ListRunsAsync(string? sampleId, int limit, int offset, CancellationToken cancellationToken)
    {
        var records = await _store.ListRunsAsync(string.IsNullOrEmpty(sampleId) ? null : sampleId, null, limit, offset, cancellationToken).ConfigureAwait(false);
        return records.Select(r => StoredRuns.ToProto(r.Json)).ToList();
    }

    /// <summary>Aborts the active run: the bench goes to its safe state, the run ends aborted (by whom, at which step) and on the record.</summary>
    public async Task<V1.Run> AbortAsync(string runId, string reason, string by, CancellationToken cancellationToken)
    {
        var active = Active(runId);
        if (active is null)
        {
            var stored = await GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
            throw new PreconditionFailedException(RunRefusals.NotRunning, runId, $"run {runId} is {stored.State}, not running");
        }

        active.AbortedBy ??= string.IsNullOrWhiteSpace(by) ? null : by;
        active.AbortReason ??= string.IsNullOrWhiteSpace(reason) ? "aborted by the operator" : reason;
        await active.Abort.CancelAsync().ConfigureAwait(false);
        if (active.Execution is { } execution)
        {
            await execution.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }

        return await GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers the pending prompt of the active run; declining it aborts the run.</summary>
    public Task<V1.Run> AnswerPromptAsync(string runId, string promptId, bool acknowledged, string operatorName, CancellationToken cancellationToken)
    {
        var active = Active(runId) ?? throw new PreconditionFailedException(RunRefusals.NotRunning, runId, $"run {runId} is not running");
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
            var who = string.IsNullOrWhiteSpace(operatorName) ? "the operator" : operatorName;
            active.AbortedBy ??= string.IsNullOrWhiteSpace(operatorName) ? null : operatorName;
            active.AbortReason ??= $"prompt declined by {who}";
            active.Abort.Cancel();
        }
        else
        {
            answer?.TrySetResult(operatorName);
        }

        return GetRunAsync(runId, cancellationToken);
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
            await _stopping.CancelAsync().ConfigureAwait(false);
            return;
        }

        active.AbortReason ??= RunEndingPhrases.ServiceShuttingDown;
        await active.Abort.CancelAsync().ConfigureAwait(false);
        if (active.Execution is { } execution)
        {
            try
            {
                await execution.WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                LogShutdownSlow(_logger, active.RunId);
            }
        }

        // An ending the store would not take is left for the next start to close.
        await _stopping.CancelAsync().ConfigureAwait(false);
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

    private ActiveRun? Active(string runId)
    {
        lock (_gate)
        {
            return _active is { } a && a.RunId == runId && !a.Closing ? a : null;
        }
    }

    /// <summary>The active run as a document (call under its gate).</summary>
    private static RunDocument Document(ActiveRun active) => RunDocument.From(active.Run, active.Evidence, (long?)active.Record?.Sequence);

    /// <summary>Stores the run document (its state index, start and end).</summary>
    private async Task SaveAsync(RunDocument document, CancellationToken cancellationToken)
    {
        await _store.SaveRunAsync(new RunRecord(document.RunId, document.Sample.SampleId, document.State.StoreName(), document.Serialize(), document.StartedAt, document.Ending?.At, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    private Timestamp Now() => Timestamp.FromDateTimeOffset(_time.GetUtcNow());

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Run {RunId} was left open by a crash or stop: closed as incomplete")]
    private static partial void LogClosedInterrupted(ILogger logger, string runId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Run {RunId} did not stop within 20 s of shutdown")]
    private static partial void LogShutdownSlow(ILogger logger, string runId);
}
