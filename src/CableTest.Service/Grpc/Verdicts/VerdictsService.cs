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
    IOptions<GrpcOptions> options,
    TimeProvider time,
    ILogger<VerdictsService> logger) : VerdictService.VerdictServiceBase
{
    public override async Task<Verdict> GetVerdict(GetVerdictRequest request, ServerCallContext context)
    {
        VerdictRequests.Validate(request);
        var ct = context.CancellationToken;
        var (stored, kind, id) = request.KeyCase switch
        {
            GetVerdictRequest.KeyOneofCase.RunId => (await store.GetVerdictByRunAsync(request.RunId, ct), "verdict for run", request.RunId),
            GetVerdictRequest.KeyOneofCase.SampleId => (await store.GetLatestVerdictBySampleAsync(request.SampleId, ct), "verdict for sample", request.SampleId),
            _ => (await store.GetVerdictByIdAsync(request.VerdictId, ct), "verdict", request.VerdictId),
        };
        return stored is null ? throw new NotFoundException(kind, id) : verdicts.Map(stored);
    }

    public override async Task<ListVerdictsResponse> ListVerdicts(ListVerdictsRequest request, ServerCallContext context)
    {
        var query = VerdictRequests.ToQuery(request);
        var page = await store.ListVerdictsAsync(query, context.CancellationToken);
        var response = new ListVerdictsResponse
        {
            NextPageToken = page.NextAfterSequence is { } next ? PageToken.Create(next, VerdictRequests.Fingerprint(request)) : "",
        };
        response.Verdicts.AddRange(page.Verdicts.Select(verdicts.Map));
        return response;
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
        LogStreamStarted(logger, request.Subscriber, cursor, request.BacklogOnly);
        while (!ct.IsCancellationRequested)
        {
            var batch = await store.ReadVerdictsAfterAsync(cursor, settings.StreamBatchSize, ct);
            foreach (var stored in batch)
            {
                await responseStream.WriteAsync(verdicts.Map(stored), ct);
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

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Verdict stream for {Subscriber} starts after sequence {Cursor} (backlog only: {BacklogOnly})")]
    private static partial void LogStreamStarted(ILogger logger, string subscriber, long cursor, bool backlogOnly);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Subscriber {Subscriber} acknowledged verdicts up to sequence {Sequence}")]
    private static partial void LogAcknowledged(ILogger logger, string subscriber, long sequence);
}
