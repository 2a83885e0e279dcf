using CableTest.Domain.Verdicts;
using CableTest.Runs.Model;
using CableTest.Service.Grpc;
using CableTest.Service.Grpc.Verdicts;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

public sealed partial class RunOrchestrator
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Closes runs a crash left open (at start, the bench already safe): each is restored from its document (a document
    /// written before run/2 is migrated), closed as interrupted, given its record in the verdict feed (once: a record
    /// already appended for the run is not appended again) and stored.
    /// </summary>
    public async Task CloseInterruptedRunsAsync(bool highVoltageConfirmedOff, CancellationToken cancellationToken)
    {
        var open = await _store.ListRunsAsync(null, ["running", "awaiting_operator", "evaluating", "pending"], 1000, 0, cancellationToken).ConfigureAwait(false);
        foreach (var stored in open)
        {
            var sample = await _store.GetSampleAsync(stored.SampleId, cancellationToken).ConfigureAwait(false);
            var (run, evidence) = StoredRuns.ToDocument(stored.Json, sample?.Json ?? "{}").Restore(_catalogue);
            var active = new ActiveRun(run, new CancellationTokenSource(), "");
            foreach (var (stepId, e) in evidence)
            {
                active.Evidence[stepId] = e;
            }

            run.CloseInterrupted(RunEndingPhrases.Interrupted + "; " + (highVoltageConfirmedOff ? RunEndingPhrases.HighVoltageConfirmedOffAtRestart : RunEndingPhrases.HighVoltageNotConfirmedOffAtRestart), _time.GetUtcNow());
            run.NoteHighVoltageOff(highVoltageConfirmedOff);
            await AppendRecordAsync(active, cancellationToken).ConfigureAwait(false);
            await SaveAsync(Document(active), cancellationToken).ConfigureAwait(false);
            LogClosedInterrupted(_logger, run.RunId);
        }
    }

    /// <summary>
    /// The run's exit: the ending and the high-voltage confirmation go into the aggregate; then its record and document
    /// are stored, retried until the store takes them (a store outage ends the run safely; it is written as it ended when
    /// the store returns, without a restart). The bench takes no new run until then, so the feed stays in run order.
    /// </summary>
    private async Task<(string State, string Outcome)> CloseAsync(ActiveRun active, bool highVoltageOff)
    {
        lock (active.Gate)
        {
            active.Closing = true;
            if (active.Run.State == RunState.Evaluating && active.Record is not null)
            {
                active.Run.Complete(_time.GetUtcNow());
            }
            else if (!active.Run.IsEnded)
            {
                active.Run.Fault(RunEndingPhrases.StoppedBeforeItsEnd, _time.GetUtcNow());
            }

            active.Run.NoteHighVoltageOff(highVoltageOff);
        }

        RunDocument? final = null;
        var delay = FirstRetry;
        while (true)
        {
            try
            {
                await AppendRecordAsync(active, _stopping.Token).ConfigureAwait(false);
                RunDocument document;
                lock (active.Gate)
                {
                    document = Document(active);
                }

                await SaveAsync(document, _stopping.Token).ConfigureAwait(false);
                final = document;
                break;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Shutting down with the store away: the next start closes the run from what was stored.
                LogEndingNotStored(_logger, active.RunId);
                break;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogEndingRetry(_logger, active.RunId, delay.TotalSeconds, e.Message);
                try
                {
                    await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    LogEndingNotStored(_logger, active.RunId);
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, delay.Ticks * 2));
            }
        }

        // The bench is free before the end is told: whoever sees the end sees a free (and safe) bench.
        Release(active);
        RunDocument ended;
        lock (active.Gate)
        {
            ended = final ?? Document(active);
        }

        var published = ended.ToProto();
        _events.Publish(active.RunId, new V1.RunEvent { Time = Now(), Snapshot = published });
        if (active.Record is { } record && published.State == V1.RunState.Completed)
        {
            _events.Publish(active.RunId, new V1.RunEvent { Time = Now(), Verdict = record });
        }

        _events.Complete(active.RunId);
        LogRunEnded(_logger, active.RunId, StateName(published.State), published.Outcome.ToString(), published.EndReason);
        return (StateName(published.State), published.Outcome.ToString());
    }

    /// <summary>
    /// Appends the run's one record to the verdict feed (idempotent by run: a record already there is taken, not appended
    /// again). A completed run's record carries the sample verdict; any other ending is INCOMPLETE with the ending (kind,
    /// reason, by, step, high-voltage confirmation), no conformity statement, and the verdicts of the tests it finished.
    /// </summary>
    private async Task AppendRecordAsync(ActiveRun active, CancellationToken cancellationToken)
    {
        if (active.Record is not null)
        {
            return;
        }

        if (await _store.GetVerdictByRunAsync(active.RunId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            active.Record = VerdictDocument.FromStored(existing);
            return;
        }

        V1.Verdict record;
        V1.Sample sample;
        lock (active.Gate)
        {
            record = Record(active);
            sample = active.Run.Plan.Sample.ToProto();
        }

        record.ProductSpec = sample.ProductSpec;
        var stored = await _store.AppendVerdictAsync(VerdictDocument.ToNewVerdict(record), cancellationToken).ConfigureAwait(false);
        active.Record = VerdictDocument.FromStored(stored);
    }

    /// <summary>The record of the run as it stands (call under its gate).</summary>
    private V1.Verdict Record(ActiveRun active)
    {
        var run = active.Run;
        var now = Now();
        var completing = run.State is RunState.Evaluating or RunState.Completed;
        var record = new V1.Verdict
        {
            VerdictId = "vd-" + run.RunId,
            RunId = run.RunId,
            SampleId = run.SampleId,
            LimsOrder = run.Plan.Sample.LimsOrder,
            BenchId = _bench.BenchId,
            OperatorName = run.OperatorName,
            Outcome = completing ? SampleVerdict.Derive(run.TestVerdicts).Outcome.ToProto() : V1.Outcome.Incomplete,
            OutcomeRule = SampleVerdict.Rule,
            RunStartedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(run.StartedAt),
            RunCompletedAt = run.Ending is { } end ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(end.At) : now,
            EvaluatedAt = now,
            CatalogueVersion = "shipped",
        };
        record.Tests.AddRange(run.Steps.Where(s => active.Evidence.ContainsKey(s.StepId)).Select(s => RunMapping.TestVerdict(active.Evidence[s.StepId])));
        if (!completing && run.Ending is { } ending)
        {
            record.Ending = ending.ToProto();
        }

        return record;
    }

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Run {RunId} ended but could not be stored: retrying in {DelayS} s ({Error})")]
    private static partial void LogEndingRetry(ILogger logger, string runId, double delayS, string error);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Run {RunId} ended but the store did not take its ending before shutdown: the next start closes it")]
    private static partial void LogEndingNotStored(ILogger logger, string runId);
}
