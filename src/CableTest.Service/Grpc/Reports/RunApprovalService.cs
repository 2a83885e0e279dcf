using CableTest.Contracts.V1;
using CableTest.Domain.Inputs;
using CableTest.Service.Grpc.Inputs;
using CableTest.Service.Security;
using CableTest.Storage.Runs;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace CableTest.Service.Grpc.Reports;

/// <summary>
/// The approval step of a report (gRPC and <c>POST /v1/runs/{run_id}:approve</c>): an engineer approves a run's
/// verdict record; the approval is stored with the run, bound to the record's content hash, and never replaced.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed partial class RunApprovalService(IRunStore store, TimeProvider time, ILogger<RunApprovalService> logger) : ReportService.ReportServiceBase
{
    [Authorize(Policy = Policies.Engineer)]
    public override async Task<RunApproval> ApproveRun(ApproveRunRequest request, ServerCallContext context)
    {
        var rules = new RequestRules()
            .Id(request.RunId, "run_id")
            .Text(request.ApprovedBy, TextRule.ShortText, "approved_by")
            .Text(request.CheckedBy, TextRule.ShortText, "checked_by")
            .Text(request.Comment, TextRule.Reason, "comment");
        if (string.IsNullOrWhiteSpace(request.ApprovedBy))
        {
            rules.Add("approved_by", "required: the name of the person who approves");
        }

        rules.ThrowIfAny();
        var ct = context.CancellationToken;
        var verdict = await store.GetVerdictByRunAsync(request.RunId, ct).ConfigureAwait(false)
            ?? throw new NotFoundException("run verdict", request.RunId);
        var credential = context.GetHttpContext().User.Identity?.Name ?? "";
        var asked = new RunApprovalRecord(request.RunId, verdict.VerdictId, verdict.ContentSha256, request.CheckedBy.Trim(),
            request.ApprovedBy.Trim(), credential, request.Comment.Trim(), time.GetUtcNow());
        var stored = await store.ApproveRunAsync(asked, ct).ConfigureAwait(false);
        if (stored.ApprovedBy != asked.ApprovedBy || stored.CheckedBy != asked.CheckedBy)
        {
            throw new PreconditionFailedException("already_approved", request.RunId,
                $"run {request.RunId} was approved by {stored.ApprovedBy} at {stored.ApprovedAt:yyyy-MM-dd HH:mm:ss} UTC; an approval is never replaced");
        }

        if (stored == asked)
        {
            LogApproved(logger, request.RunId, stored.ApprovedBy, credential, stored.ContentSha256);
        }

        return ToProto(stored);
    }

    public override async Task<RunApproval> GetRunApproval(GetRunApprovalRequest request, ServerCallContext context)
    {
        new RequestRules().Id(request.RunId, "run_id").ThrowIfAny();
        var stored = await store.GetRunApprovalAsync(request.RunId, context.CancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("run approval", request.RunId);
        return ToProto(stored);
    }

    private static RunApproval ToProto(RunApprovalRecord a) => new()
    {
        RunId = a.RunId,
        VerdictId = a.VerdictId,
        ContentSha256 = a.ContentSha256,
        CheckedBy = a.CheckedBy,
        ApprovedBy = a.ApprovedBy,
        Credential = a.Credential,
        Comment = a.Comment,
        ApprovedAt = Timestamp.FromDateTimeOffset(a.ApprovedAt),
    };

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Run {RunId} approved by {ApprovedBy} (credential {Credential}, record {ContentSha256})")]
    private static partial void LogApproved(ILogger logger, string runId, string approvedBy, string credential, string contentSha256);
}
