using CableTest.Contracts.V1;
using CableTest.Service.Hosting;
using CableTest.Service.Security;
using CableTest.Storage.Runs;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// cabletest.v1.VerdictService: verdicts for the LIMS, mapped from the run store. Reading needs any
/// role; acknowledging needs lims or engineer.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed partial class VerdictsService(
    IRunStore store,
    VerdictCache verdicts,
    VerdictIntegrity integrity,
    IOptions<GrpcOptions> options,
    TimeProvider time,
    ILogger<VerdictsService> logger) : VerdictService.VerdictServiceBase
{
    public override async Task<Verdict> GetVerdict(GetVerdictRequest request, ServerCallContext context)
    {
        VerdictRequests.Validate(request);
        var ct = context.CancellationToken;
        try
        {
            var key = request.KeyCase switch
            {
                GetVerdictRequest.KeyOneofCase.RunId => request.RunId,
                GetVerdictRequest.KeyOneofCase.SampleId => request.SampleId,
                _ => request.VerdictId,
            };

            // Taken before the read: a commit after it changes the stamp, so the next read goes to the store again.
            var stamp = await store.GetChangeStampAsync(ct);
            var encoded = VerdictReplies.WritesEncoded(context);
            if (stamp is { } unchanged && verdicts.Current(request.KeyCase, key, unchanged, encoded) is { } current)
            {
                ThrowIfFoundBroken((long)current.Sequence);
                return current;
            }

            var (stored, kind) = request.KeyCase switch
            {
                GetVerdictRequest.KeyOneofCase.RunId => (await store.GetVerdictByRunAsync(key, ct), "verdict for run"),
                GetVerdictRequest.KeyOneofCase.SampleId => (await store.GetLatestVerdictBySampleAsync(key, ct), "verdict for sample"),
                _ => (await store.GetVerdictByIdAsync(key, ct), "verdict"),
            };
            if (stored is null)
            {
                throw new NotFoundException(kind, key);
            }

            // A record can be consistent in itself and still be one the chain or anchor check found broken.
            ThrowIfFoundBroken(stored.Sequence);

            var verdict = verdicts.Map(stored, encoded);
            if (stamp is { } before)
            {
                verdicts.Found(request.KeyCase, key, stored.Sequence, before);
            }

            return verdict;
        }
        catch (VerdictIntegrityException e)
        {
            throw Refused(e);
        }
    }

    public override async Task<ListVerdictsResponse> ListVerdicts(ListVerdictsRequest request, ServerCallContext context)
    {
        var query = VerdictRequests.ToQuery(request);
        try
        {
            var page = await store.ListVerdictsAsync(query, context.CancellationToken);
            // A record known to be broken inside the range this page covers may be one an edited column
            // kept out of the filter: the page is refused rather than served without it.
            if (integrity.FirstFailure is { } broken && query.Covers(broken.Sequence, page.NextAfterSequence))
            {
                throw new VerdictIntegrityException(broken.Sequence, broken.Detail);
            }

            var response = new ListVerdictsResponse
            {
                NextPageToken = page.NextAfterSequence is { } next ? PageToken.Create(next, VerdictRequests.Fingerprint(request)) : "",
            };
            var encoded = VerdictReplies.WritesEncodedPages(context);
            foreach (var stored in page.Verdicts)
            {
                response.Verdicts.Add(verdicts.Map(stored, encoded));
            }

            return response;
        }
        catch (VerdictIntegrityException e)
        {
            throw Refused(e);
        }
    }

    public override async Task StreamVerdicts(StreamVerdictsRequest request, IServerStreamWriter<Verdict> responseStream, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        VerdictRequests.ValidateSubscriber(request.Subscriber, violations);
        if (request.HasAfterSequence && request.AfterSequence > long.MaxValue)
        {
            violations.Add(new("after_sequence", "is out of range"));
        }

        VerdictRequests.ThrowIfAny(violations);
        var ct = context.CancellationToken;
        var cursor = request.HasAfterSequence ? (long)request.AfterSequence : await store.GetAcknowledgedAsync(request.Subscriber, ct);
        var settings = options.Value;
        var encoded = VerdictReplies.WritesEncoded(context);
        LogStreamStarted(logger, request.Subscriber, cursor, request.BacklogOnly);
        while (!ct.IsCancellationRequested)
        {
            IReadOnlyList<StoredVerdict> batch;
            try
            {
                batch = await store.ReadVerdictsAfterAsync(cursor, settings.StreamBatchSize, ct);
            }
            catch (VerdictIntegrityException e)
            {
                throw Refused(e);
            }

            foreach (var stored in batch)
            {
                Verdict verdict;
                try
                {
                    // The feed is gap-free: a missing sequence is a deleted record, never skipped silently.
                    verdict = stored.Sequence == cursor + 1
                        ? verdicts.Map(stored, encoded)
                        : throw new VerdictIntegrityException(cursor + 1, $"sequence {cursor + 1} is missing (the next record is {stored.Sequence}): verdict deleted");
                }
                catch (VerdictIntegrityException e)
                {
                    throw Refused(e);
                }

                await responseStream.WriteAsync(verdict, ct);
                cursor = stored.Sequence;
            }

            if (batch.Count == settings.StreamBatchSize)
            {
                continue;
            }

            if (request.BacklogOnly)
            {
                return;
            }

            await store.VerdictAppended.WaitAsync(cursor, settings.StreamPollInterval, time, ct);
        }
    }

    [Authorize(Policy = Policies.AcknowledgeVerdicts)]
    public override async Task<AcknowledgeVerdictsResponse> AcknowledgeVerdicts(AcknowledgeVerdictsRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        VerdictRequests.ValidateSubscriber(request.Subscriber, violations);
        var ct = context.CancellationToken;
        var last = await store.GetLastSequenceAsync(ct);
        if (request.UpToSequence > (ulong)last)
        {
            violations.Add(new("up_to_sequence", $"must not exceed the newest sequence ({last})"));
        }

        VerdictRequests.ThrowIfAny(violations);
        var acknowledged = await store.AcknowledgeAsync(request.Subscriber, (long)request.UpToSequence, ct);
        LogAcknowledged(logger, request.Subscriber, acknowledged);
        return new AcknowledgeVerdictsResponse { AcknowledgedSequence = (ulong)acknowledged };
    }

    private void ThrowIfFoundBroken(long sequence)
    {
        if (integrity.FirstFailure is { } broken && broken.Sequence == sequence)
        {
            throw new VerdictIntegrityException(broken.Sequence, broken.Detail);
        }
    }

    /// <summary>DATA_LOSS naming the record: it does not match its hashes and is not served (reported, alarmed once).</summary>
    private RpcException Refused(VerdictIntegrityException e)
    {
        integrity.Report(e, "read");
        var sequence = e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return IntegrityRefusal.Of(
            $"verdict record at sequence {sequence} does not match its hashes and is not served: {e.Detail} (check the store with `cabletest verify`)",
            "VERDICT_RECORD_ALTERED", "cabletest.v1.VerdictService", e.Sequence,
            new Google.Rpc.ResourceInfo { ResourceType = "verdict", ResourceName = "sequence " + sequence, Description = e.Detail });
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Verdict stream for {Subscriber} starts after sequence {Cursor} (backlog only: {BacklogOnly})")]
    private static partial void LogStreamStarted(ILogger logger, string subscriber, long cursor, bool backlogOnly);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Subscriber {Subscriber} acknowledged verdicts up to sequence {Sequence}")]
    private static partial void LogAcknowledged(ILogger logger, string subscriber, long sequence);
}
