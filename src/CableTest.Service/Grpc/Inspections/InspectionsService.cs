using CableTest.Contracts.V1;
using CableTest.Domain.Comparison;
using CableTest.Service.Grpc.Inputs;
using CableTest.Service.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace CableTest.Service.Grpc.Inspections;

/// <summary>cabletest.v1.InspectionService: a run compared with a re-inspection (another run of its sample, or another lab's results). Read only.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class InspectionsService(InspectionComparisons comparisons) : InspectionService.InspectionServiceBase
{
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

        Inspection external;
        try
        {
            external = ExternalInspectionFile.Parse(Google.Protobuf.JsonFormatter.Default.Format(request.ExternalResults));
        }
        catch (ExternalInspectionException e)
        {
            throw new RequestValidationException([new FieldViolation(e.Field.Length == 0 ? "external_results" : "external_results." + e.Field, e.Problem)]);
        }

        return await comparisons.CompareExternalAsync(request.RunA, external, ct).ConfigureAwait(false);
    }
}
