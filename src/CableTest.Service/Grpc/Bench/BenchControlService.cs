using CableTest.Contracts.V1;
using CableTest.Service.Grpc.Inputs;
using CableTest.Service.Runs;
using CableTest.Service.Security;
using CableTest.Storage.Runs;
using CableTest.Storage.Outbox;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace CableTest.Service.Grpc.Bench;

/// <summary>Bench control: samples, runs, prompts, watching. Thin: maps and delegates to the orchestrator.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class BenchControlService(RunOrchestrator orchestrator, Service.Bench.Bench bench, RunEventHub events, DurableOutbox outbox, IRunStore store, TimeProvider time) : BenchService.BenchServiceBase
{
    [Authorize(Policy = Policies.RegisterSample)]
    public override async Task<Sample> RegisterSample(RegisterSampleRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        if (request.SamplingRecord is not null && !user.MayRegisterSamplingRecords())
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                "a sampling record is registered by the lims or an engineer, not with a technician's key: register the coded sample without it"));
        }

        BenchRequestRules.Check(request);

        var sample = await orchestrator.RegisterSampleAsync(request, context.CancellationToken).ConfigureAwait(false);
        if (request.SamplingRecord is not null && user.SeesSamplingRecords())
        {
            sample.SamplingRecord = request.SamplingRecord.Clone();
        }

        return sample;
    }

    public override async Task<Sample> GetSample(GetSampleRequest request, ServerCallContext context)
    {
        new RequestRules().Id(request.SampleId, "sample_id").ThrowIfAny();
        var sample = await orchestrator.GetSampleAsync(request.SampleId, context.CancellationToken).ConfigureAwait(false);
        if (context.GetHttpContext().User.SeesSamplingRecords())
        {
            sample.SamplingRecord = await orchestrator.GetSamplingRecordAsync(request.SampleId, context.CancellationToken).ConfigureAwait(false);
        }

        return sample;
    }

    [Authorize(Policy = Policies.Run)]
    public override Task<Run> StartRun(StartRunRequest request, ServerCallContext context)
    {
        BenchRequestRules.Check(request);
        return orchestrator.StartRunAsync(request, context.GetHttpContext().User.Identity?.Name ?? "", context.CancellationToken);
    }

    [Authorize(Policy = Policies.Run)]
    public override Task<Run> AbortRun(AbortRunRequest request, ServerCallContext context)
    {
        BenchRequestRules.Check(request);
        return orchestrator.AbortAsync(request.RunId, request.Reason, context.GetHttpContext().User.Identity?.Name ?? "", context.CancellationToken);
    }

    [Authorize(Policy = Policies.Run)]
    public override Task<Run> AnswerPrompt(AnswerPromptRequest request, ServerCallContext context)
    {
        BenchRequestRules.Check(request);
        return orchestrator.AnswerPromptAsync(request.RunId, request.PromptId, request.Acknowledged,
            string.IsNullOrWhiteSpace(request.OperatorName) ? context.GetHttpContext().User.Identity?.Name ?? "" : request.OperatorName, context.CancellationToken);
    }

    public override Task<Run> GetRun(GetRunRequest request, ServerCallContext context)
    {
        new RequestRules().Id(request.RunId, "run_id").ThrowIfAny();
        return orchestrator.GetRunAsync(request.RunId, context.CancellationToken);
    }

    public override async Task<ListRunsResponse> ListRuns(ListRunsRequest request, ServerCallContext context)
    {
        BenchRequestRules.Check(request);
        if (request.PageSize is < 0 or > 500)
        {
            throw new RequestValidationException([new FieldViolation("page_size", "must be within 0..500")]);
        }

        var size = request.PageSize == 0 ? 50 : request.PageSize;
        var offset = 0;
        if (request.PageToken.Length > 0 && (!int.TryParse(request.PageToken, System.Globalization.CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            throw new RequestValidationException([new FieldViolation("page_token", "not a token this service issued")]);
        }

        var runs = await orchestrator.ListRunsAsync(request.SampleId, size + 1, offset, context.CancellationToken).ConfigureAwait(false);
        var response = new ListRunsResponse();
        response.Runs.AddRange(runs.Take(size));
        if (runs.Count > size)
        {
            response.NextPageToken = (offset + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return response;
    }

    public override async Task WatchRun(WatchRunRequest request, IServerStreamWriter<RunEvent> responseStream, ServerCallContext context)
    {
        BenchRequestRules.Check(request);
        var runId = request.RunId;
        if (!double.IsFinite(request.ReadingsPerSecond) || request.ReadingsPerSecond < 0)
        {
            throw new RequestValidationException([new FieldViolation("readings_per_second", "must be ≥ 0 (0: every reading)")]);
        }

        await foreach (var e in RunWatch.EventsAsync(orchestrator, events, runId, request.ReadingsPerSecond, time, context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(e, context.CancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task<BenchStatus> GetBenchStatus(GetBenchStatusRequest request, ServerCallContext context)
    {
        var status = bench.Status();
        status.ActiveRunId = orchestrator.ActiveRunId;
        var o = outbox.GetStatus();
        status.Outbox = new CableTest.Contracts.V1.OutboxStatus
        {
            Depth = (ulong)Math.Max(0, o.Depth),
            OldestAgeS = o.OldestAge.TotalSeconds,
            Delivered = (ulong)Math.Max(0, o.Delivered),
            Retried = (ulong)Math.Max(0, o.Retried),
            Quarantined = (ulong)Math.Max(0, o.Quarantined),
            FillRatio = o.FillRatio,
            Alarm = o.Alarm.ToString().ToLowerInvariant(),
            Forwarding = o.ConsumerPositions.Count > 0,
        };
        status.Store = store.Kind;
        try
        {
            status.StoreHealthy = await store.PingAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            status.StoreHealthy = false;
        }

        return status;
    }
}
