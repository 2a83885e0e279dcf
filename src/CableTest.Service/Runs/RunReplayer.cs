using System.Globalization;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.HardwareSim;
using CableTest.HardwareSim.Replay;
using CableTest.Instruments.Drivers;
using CableTest.Instruments.Recording;
using CableTest.Protocols.LineProtocol;
using CableTest.Service.Bench;
using CableTest.Service.Grpc;
using CableTest.Storage;
using CableTest.Storage.Outbox;
using CableTest.Storage.Readings;
using CableTest.Storage.Runs;
using Microsoft.Extensions.Options;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>What to replay: the recorded run, its sample and verdict, its recording, and what to judge differently.</summary>
internal sealed record ReplayJob(V1.Run Run, SampleRecord Sample, V1.Verdict Original, string RecordingPath, V1.DecisionRule? Rule, string? KtMethod, string? Edition, bool RecordedTiming);

/// <summary>How a replay went: the replayed run, where it left the recording, exchanges answered of those recorded, and why it cannot stand (null: it matched).</summary>
internal sealed record ReplayResult(ReplayedRun Replayed, IReadOnlyList<ReplayDivergence> Divergences, int Answered, int Recorded, string? Problem);

/// <summary>
/// Replays a recorded run: the simulator serves every recorded line from the recording, a throwaway bench drives the
/// run's instruments (same ids, roles, profiles and units) against those endpoints, and a throwaway orchestrator runs
/// the run's test sequence again with prompts acknowledged. Store, reading journal and event hub are its own, in a
/// work directory under <c>DataDirectory/replays</c> that is deleted afterwards: nothing reaches the verdict feed, the
/// hash chain or InfluxDB, and the live bench is not touched. One replay at a time (the others wait).
/// </summary>
internal sealed partial class RunReplayer(Bench.Bench live, IOptions<BenchOptions> options, TimeProvider time, ILoggerFactory loggers) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly ILogger _logger = loggers.CreateLogger<RunReplayer>();

    /// <summary>Replays <paramref name="job"/>. A recording that cannot be read throws <see cref="RecordingFormatException"/>.</summary>
    public async Task<ReplayResult> ReplayAsync(ReplayJob job, CancellationToken cancellationToken)
    {
        var recording = Recording.Load(job.RecordingPath);
        if (recording.Instruments.Count == 0)
        {
            throw new PreconditionFailedException("recording_without_instruments", job.Run.RunId,
                $"the recording of run {job.Run.RunId} does not list the bench's instruments (written before recordings did): its lines cannot be mapped onto drivers");
        }

        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        var work = Path.Combine(live.DataDirectory, "replays", job.Run.RunId + "-" + Guid.NewGuid().ToString("N")[..6]);
        try
        {
            Directory.CreateDirectory(work);
            return await ReplayInAsync(work, job, recording, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogWorkNotDeleted(_logger, work, e.Message);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _one.Dispose();

    private async Task<ReplayResult> ReplayInAsync(string work, ReplayJob job, Recording recording, CancellationToken cancellationToken)
    {
        var timing = job.RecordedTiming ? ReplayTiming.Recorded : ReplayTiming.Fast;
        var clock = new ReplayClock(job.Run.StartedAt.ToDateTimeOffset(), time);
        var sim = await SimulatedBench.StartAsync(new SimulatedBenchOptions
        {
            WorkDirectory = Path.Combine(work, "links"),
            ReplayFile = job.RecordingPath,
            ReplayTiming = timing,
            LoggerFactory = loggers,
        }, cancellationToken).ConfigureAwait(false);
        var simulating = true;
        try
        {
            return await ReplayOnAsync(sim, work, job, recording, clock, timing, () =>
            {
                // Stopped: close every replay endpoint, so whatever the run still sends on its way out (the safe
                // state) fails at once instead of waiting out a reply deadline per request.
                simulating = false;
                return sim.DisposeAsync();
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (simulating)
            {
                await sim.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<ReplayResult> ReplayOnAsync(SimulatedBench sim, string work, ReplayJob job, Recording recording, ReplayClock clock, ReplayTiming timing, Func<ValueTask> closeEndpoints, CancellationToken cancellationToken)
    {
        var script = sim.Replay!;
        var diverged = new TaskCompletionSource<ReplayDivergence>(TaskCreationOptions.RunContinuationsAsynchronously);
        script.Diverged += d => diverged.TrySetResult(d);

        var evidence = job.Original.Tests.SelectMany(t => t.Instruments).GroupBy(i => i.InstrumentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var benchOptions = ReplayOptions(options.Value, recording, timing);
        foreach (var recorded in recording.Instruments)
        {
            // An instrument that never spoke during the run has no recorded line to be served from; the run did not need it.
            if (sim.ReplayEndpoint(recorded.Line) is not { } endpoint)
            {
                continue;
            }

            var known = evidence.GetValueOrDefault(recorded.Id);
            benchOptions.Instruments.Add(new InstrumentOptions
            {
                Id = recorded.Id,
                Role = recorded.Role,
                Profile = recorded.Profile,
                Endpoint = endpoint.Endpoint,
                UnitId = recorded.UnitId,
                CalibrationCertificate = known?.CalibrationCertificate ?? "",
                CalibrationDue = DateOnly.TryParseExact(known?.CalibrationDue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
            });
        }

        await using var bench = Bench.Bench.Create(benchOptions, work, clock, loggers, replayOf: job.Run.RunId);
        await bench.ConnectAsync(identify: false, cancellationToken).ConfigureAwait(false);
        foreach (var instrument in bench.Instruments)
        {
            if (evidence.TryGetValue(instrument.Id, out var known))
            {
                instrument.Identity = new InstrumentIdentity(known.Manufacturer, known.Model, known.SerialNumber, known.Firmware, known.Profile);
            }
        }

        var store = new SqliteRunStore(Path.Combine(work, "replay.db"), clock);
        try
        {
            return await ReplayWithAsync(store, sim, work, job, recording, bench, benchOptions, clock, diverged.Task, closeEndpoints, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The work directory is deleted next: its pooled connections would otherwise keep the files open.
            store.ReleaseConnections();
        }
    }

    private async Task<ReplayResult> ReplayWithAsync(SqliteRunStore store, SimulatedBench sim, string work, ReplayJob job, Recording recording, Bench.Bench bench, BenchOptions benchOptions, ReplayClock clock,
        Task<ReplayDivergence> diverged, Func<ValueTask> closeEndpoints, CancellationToken cancellationToken)
    {
        var script = sim.Replay!;
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await store.TryAddSampleAsync(job.Sample, cancellationToken).ConfigureAwait(false);
        await using var outbox = DurableOutbox.Open(new OutboxOptions { Directory = Path.Combine(work, "outbox") }, [], clock, _logger);
        var orchestrator = new RunOrchestrator(bench, store, new ReadingJournal(outbox, WritePrecision.Ns), new RunEventHub(), Options.Create(benchOptions), clock, loggers.CreateLogger<RunOrchestrator>())
        {
            AcknowledgePrompts = true,
            Method = RunParameters.Apply(recording.Parameters, StandardsCatalogue.LoadDefault().Method),
        };

        var stopReason = "the replay was cancelled";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var replaying = orchestrator.ReplayAsync(Request(job), job.Run.OperatorName, new ReplayIdentity(job.Run.RunId, job.Edition), () => stopReason, stop.Token);
        var stoppedAt = int.MaxValue;
        if (await Task.WhenAny(replaying, diverged).ConfigureAwait(false) == diverged)
        {
            // Stop at the first divergence: the recording has no answer for anything after it, and what the run
            // sends on its way out (abort, safe state) is no divergence of the recorded run.
            stopReason = "the replay left the recording: " + (await diverged.ConfigureAwait(false)).Reason;
            stoppedAt = script.Divergences.Count;
            await stop.CancelAsync().ConfigureAwait(false);
            await closeEndpoints().ConfigureAwait(false);
        }

        var replayed = await replaying.ConfigureAwait(false);
        var divergences = script.Divergences.Take(stoppedAt).ToList();
        if (divergences.Count == 0 && Unreached(recording, script) is { } unreached)
        {
            divergences.Add(unreached);
        }

        string? problem = null;
        if (divergences.Count > 0)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{divergences.Count} divergence(s) from the recording; first at exchange #{divergences[0].Sequence}: {divergences[0].Reason}");
        }
        else if (replayed.Run.State != V1.RunState.Completed)
        {
            problem = $"the replayed run ended {RunOrchestrator.StateName(replayed.Run.State)}: {replayed.Run.EndReason}";
        }

        LogReplayed(_logger, job.Run.RunId, script.Answered, recording.Exchanges.Count, divergences.Count);
        return new ReplayResult(replayed, divergences, script.Answered, recording.Exchanges.Count, problem);
    }

    /// <summary>The run's request as it was started: same sample, operator, tests and withstand kind; the rule and kt method asked for, else the run's.</summary>
    private static V1.StartRunRequest Request(ReplayJob job)
    {
        var withstand = job.Original.Tests.FirstOrDefault(t => t.VoltageWithstand is not null)?.VoltageWithstand;
        var request = new V1.StartRunRequest
        {
            SampleId = job.Run.SampleId,
            OperatorName = job.Run.OperatorName,
            DecisionRule = job.Rule ?? job.Run.DecisionRule,
            KtMethod = job.KtMethod ?? job.Run.KtMethod,
            WithstandVoltageKind = withstand?.VoltageKind ?? "",
        };
        request.Tests.AddRange(job.Run.Steps
            .Select(s => TestKindNames.TryParse(s.Kind, out var kind) ? kind.ToProto() : V1.TestKind.Unspecified)
            .Where(k => k != V1.TestKind.Unspecified).Distinct());
        return request;
    }

    /// <summary>
    /// A copy of the live options with the run's own parameters from the recording's header (they decide what the run asks;
    /// a recording without them, written before headers had them, replays under the current configuration; docs/replay.md);
    /// instruments are the replay's, calibration never blocks, fast replays do not wait between polls.
    /// </summary>
    private static BenchOptions ReplayOptions(BenchOptions live, Recording recording, ReplayTiming timing)
    {
        var run = RunParameters.Apply(recording.Parameters, live);
        return run with
        {
            Instruments = [],
            CalibrationPolicy = CalibrationPolicies.Inconclusive,
            PollInterval = timing == ReplayTiming.Fast ? TimeSpan.Zero : run.PollInterval,
        };
    }

    /// <summary>A replay that asked for less than was recorded left the recording too: the first exchange it never reached.</summary>
    private static ReplayDivergence? Unreached(Recording recording, ReplayScript script)
    {
        var remaining = script.Remaining;
        if (remaining == 0)
        {
            return null;
        }

        var first = script.Lines
            .Select(l => recording.Exchanges.Where(e => e.Line == l.Line).Skip(l.Answered).FirstOrDefault())
            .OfType<ExchangeRecord>()
            .MinBy(e => e.Sequence)!;
        return new ReplayDivergence(first.Sequence, first.Line, first.Device, first.Request, ReadOnlyMemory<byte>.Empty,
            string.Create(CultureInfo.InvariantCulture, $"{first.Line}: the replayed run ended without asking for recorded exchange #{first.Sequence} ({first.Device}); {remaining} recorded exchange(s) not reached"));
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Replay of run {RunId}: {Answered} of {Recorded} recorded exchanges answered, {Divergences} divergence(s)")]
    private static partial void LogReplayed(ILogger logger, string runId, int answered, int recorded, int divergences);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Replay work directory {Directory} not deleted: {Error}")]
    private static partial void LogWorkNotDeleted(ILogger logger, string directory, string error);
}
