using CableTest.Contracts.V1;
using CableTest.Domain.Inputs;
using CableTest.Domain.Standards;
using CableTest.Instruments.Recording;
using CableTest.Service.Grpc.Standards;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Runs;
using CableTest.Service.Security;
using CableTest.Storage.Runs;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace CableTest.Service.Grpc.Replay;

/// <summary>
/// Replays a finished run through the simulator (every recorded exchange answered from the run's recording) and the
/// same orchestration and verdict engine as the live run, optionally under another decision rule, kt method or
/// conductor standard edition, and diffs the verdicts field by field (docs/replay.md).
/// </summary>
[Authorize(Policy = Policies.Engineer)]
internal sealed class ReplayRunService(IRunStore store, RunReplayer replayer, Service.Bench.Bench bench, TimeProvider time) : ReplayService.ReplayServiceBase
{
    private readonly StandardsCatalogue catalogue = StandardsCatalogue.LoadDefault();

    public override async Task<ReplayRunResponse> ReplayRun(ReplayRunRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var parse = new EvaluateRequests(catalogue);
        if (!IdRule.IsValid(request.RunId))
        {
            parse.AddViolation("run_id", "required: " + IdRule.Description);
        }

        if (request.DecisionRule is { } asked)
        {
            parse.Rule(asked);
        }

        if (request.KtMethod.Length > 0 && !KtMethodNames.TryParse(request.KtMethod, out _))
        {
            parse.AddViolation("kt_method", $"must be {KtMethodNames.Alpha20} or {KtMethodNames.Iec60228TableB1}");
        }

        var edition = string.IsNullOrWhiteSpace(request.StandardEdition) ? null : request.StandardEdition.Trim();
        if (edition is not null && !catalogue.ConductorResistanceTables.Any(t => string.Equals(t.EditionId, edition, StringComparison.OrdinalIgnoreCase)))
        {
            parse.AddViolation("standard_edition", $"unknown edition (known: {string.Join(", ", catalogue.ConductorResistanceTables.Select(t => t.EditionId).Distinct(StringComparer.Ordinal))})");
        }

        parse.ThrowIfInvalid();
        var runRecord = await store.GetRunAsync(request.RunId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("run", request.RunId);
        var run = StoredRuns.ToProto(runRecord.Json);
        var stored = await store.GetVerdictByRunAsync(request.RunId, cancellationToken).ConfigureAwait(false)
            ?? throw new PreconditionFailedException("no_verdict", request.RunId, $"run {request.RunId} ended {runRecord.State} without a verdict: there is nothing to compare a replay with");
        var recording = Path.Combine(bench.DataDirectory, "recordings", request.RunId + ".jsonl");
        if (!File.Exists(recording))
        {
            throw new PreconditionFailedException("no_recording", request.RunId, $"run {request.RunId} has no recording ({recording})");
        }

        var sample = await store.GetSampleAsync(run.SampleId, cancellationToken).ConfigureAwait(false)
            ?? throw new PreconditionFailedException("no_sample", run.SampleId, $"sample {run.SampleId} of run {request.RunId} is not in the store");
        var original = VerdictDocument.FromStored(stored);
        ReplayResult result;
        try
        {
            var job = new ReplayJob(run, sample, original, recording, request.DecisionRule, request.KtMethod.Length > 0 ? request.KtMethod : null, edition, request.RecordedTiming);
            result = await replayer.ReplayAsync(job, cancellationToken).ConfigureAwait(false);
        }
        catch (RecordingFormatException e)
        {
            throw new PreconditionFailedException("recording_unreadable", $"{e.Path}:{e.LineNumber}", "the run's recording cannot be replayed: " + e.Message);
        }

        var replayed = Replayed(original, result);
        var response = new ReplayRunResponse
        {
            Original = original,
            Replayed = replayed,
            Exchanges = result.Answered,
            ExchangesRecorded = result.Recorded,
            InconclusiveReason = result.Problem ?? "",
        };
        var (diffs, added) = VerdictDiff.Compare(original, replayed);
        response.Diffs.AddRange(diffs);
        response.AddedEvidence.AddRange(added);

        response.Divergences.AddRange(result.Divergences.Select(d => new Divergence
        {
            Position = d.Sequence,
            Line = d.Line,
            Device = d.Device,
            ExpectedRequestHex = d.ExpectedHex,
            ActualRequestHex = d.ActualHex,
            Reason = d.Reason,
        }));
        return response;
    }

    /// <summary>The replayed verdict: the original's header, the replayed tests and outcome; never a pass when the replay left the recording or did not finish.</summary>
    private Verdict Replayed(Verdict original, ReplayResult result)
    {
        var replayed = original.Clone();
        replayed.Sequence = 0;
        replayed.ContentSha256 = "";
        replayed.PreviousSha256 = "";
        replayed.EvidenceJson = "";
        replayed.EvaluatedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow());
        replayed.Tests.Clear();
        replayed.Tests.AddRange(result.Replayed.Verdict?.Tests ?? result.Replayed.Tests);
        replayed.Outcome = result.Problem is null && result.Replayed.Verdict is { } verdict ? verdict.Outcome : Outcome.Inconclusive;
        return replayed;
    }
}
