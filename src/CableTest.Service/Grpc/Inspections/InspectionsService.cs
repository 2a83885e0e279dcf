using CableTest.Contracts.V1;
using CableTest.Service.Grpc.Inputs;
using CableTest.Service.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace CableTest.Service.Grpc.Inspections;

/// <summary>
/// cabletest.v1.InspectionService: a run compared with a re-inspection (another run of its sample, or another lab's
/// results); other labs' results recorded with a sample (lims and engineer) and a sample's inspections listed.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed class InspectionsService(InspectionComparisons comparisons, SampleInspections inspections) : InspectionService.InspectionServiceBase
{
    [Authorize(Policy = Policies.RecordInspection)]
    public override async Task<ExternalInspection> RecordExternalInspection(RecordExternalInspectionRequest request, ServerCallContext context)
    {
        new RequestRules().Id(request.SampleId, "sample_id").ThrowIfAny();
        var (json, external) = ExternalResults.Read(request.ExternalResults, "external_results");
        var recordedBy = context.GetHttpContext().User.Identity?.Name ?? "";
        return await inspections.RecordAsync(request.SampleId, json, external, recordedBy, context.CancellationToken).ConfigureAwait(false);
    }

    public override async Task<ListInspectionsResponse> ListInspections(ListInspectionsRequest request, ServerCallContext context)
    {
        new RequestRules().Id(request.SampleId, "sample_id").ThrowIfAny();
        return await inspections.ListAsync(request.SampleId, context.CancellationToken).ConfigureAwait(false);
    }

    public override async Task<CompareInspectionsResponse> CompareInspections(CompareInspectionsRequest request, ServerCallContext context)
    {
        var rules = new RequestRules().Id(request.RunA, "run_a");
        switch (request.SecondCase)
        {
            case CompareInspectionsRequest.SecondOneofCase.RunB:
                rules.Id(request.RunB, "run_b");
                if (request.RunB == request.RunA)
                {
                    rules.Add("run_b", "is run_a itself: name another run of the same sample");
                }

                break;
            case CompareInspectionsRequest.SecondOneofCase.ExternalResults:
                break;
            default:
                rules.Add("run_b", "give the run to compare with (run_b) or another lab's results (external_results)");
                break;
        }

        rules.ThrowIfAny();
        var ct = context.CancellationToken;
        if (request.SecondCase == CompareInspectionsRequest.SecondOneofCase.RunB)
        {
            return await comparisons.CompareRunsAsync(request.RunA, request.RunB, ct).ConfigureAwait(false);
        }

        var (_, external) = ExternalResults.Read(request.ExternalResults, "external_results");
        return await comparisons.CompareExternalAsync(request.RunA, external, ct).ConfigureAwait(false);
    }
}
