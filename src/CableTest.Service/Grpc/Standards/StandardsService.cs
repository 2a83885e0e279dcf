using CableTest.Contracts.V1;
using CableTest.Domain;
using CableTest.Domain.Verdicts;
using Outcome = CableTest.Domain.Verdicts.Outcome;
using TestKind = CableTest.Domain.Verdicts.TestKind;
using CableTest.Service.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using DomainVerdict = CableTest.Domain.Verdicts.TestVerdict;

namespace CableTest.Service.Grpc.Standards;

/// <summary>
/// cabletest.v1.StandardsService: the catalogue the engine judges with, and evaluation of one
/// measurement by the same <see cref="VerdictEngine"/> as <c>cabletest evaluate</c>. Any role.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed class StandardsService(VerdictEngine engine) : CableTest.Contracts.V1.StandardsService.StandardsServiceBase
{
    public override Task<ListStandardsResponse> ListStandards(ListStandardsRequest request, ServerCallContext context)
    {
        var catalogue = engine.Catalogue;
        var response = new ListStandardsResponse { CatalogueVersion = catalogue.Version };
        response.Standards.AddRange(catalogue.Standards.Select(s => new StandardInfo
        {
            Standard = s.Standard,
            Edition = s.Edition,
            Title = s.Title,
            Tables = { s.Tables },
            UnverifiedRows = s.UnverifiedRows,
        }));
        return Task.FromResult(response);
    }

    public override Task<ListProductSpecsResponse> ListProductSpecs(ListProductSpecsRequest request, ServerCallContext context)
    {
        var filter = request.ProductCode.Trim();
        var response = new ListProductSpecsResponse();
        response.Specs.AddRange(engine.Catalogue.ProductSpecs
            .Where(p => filter.Length == 0 || p.ProductCode.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .Select(p => new ProductSpecInfo
            {
                SpecId = p.Id,
                ProductCode = p.ProductCode,
                Title = p.Title,
                RatedVoltage = p.RatedVoltage.ToString(),
                Conductor = new ConductorSpec
                {
                    // One class when the spec allows one; 0 when it allows several (see the title).
                    ConductorClass = p.ConductorClasses.Count == 1 ? p.ConductorClasses[0] : 0,
                    Material = Domain.Standards.ConductorMaterials.Name(p.Material),
                    Coated = p.Coated,
                },
                Insulation = p.Insulation,
                Standards = { p.Standards },
                Origin = p.Origin,
            }));
        return Task.FromResult(response);
    }

    public override Task<CableTest.Contracts.V1.TestVerdict> Evaluate(EvaluateRequest request, ServerCallContext context)
    {
        var requests = new EvaluateRequests(engine.Catalogue);
        var rule = requests.Rule(request.DecisionRule);
        Func<DomainVerdict>? evaluate = null;
        switch (request.InputCase)
        {
            case EvaluateRequest.InputOneofCase.ConductorResistance:
                var conductor = requests.Conductor(request.ConductorResistance);
                evaluate = conductor is null ? null : () => engine.EvaluateConductorResistance(conductor, rule);
                break;
            case EvaluateRequest.InputOneofCase.InsulationResistance:
                var insulation = requests.Insulation(request.InsulationResistance);
                evaluate = insulation is null ? null : () => engine.EvaluateInsulationResistance(insulation, rule);
                break;
            case EvaluateRequest.InputOneofCase.VoltageWithstand:
                var withstand = requests.Withstand(request.VoltageWithstand);
                evaluate = withstand is null ? null : () => engine.EvaluateVoltageWithstand(withstand);
                break;
            default:
                requests.AddViolation("input", "set one of conductor_resistance, insulation_resistance or voltage_withstand");
                break;
        }

        requests.ThrowIfInvalid();
        return Task.FromResult(Judge(evaluate!, request.InputCase).ToProto());
    }

    /// <summary>As <c>cabletest evaluate</c>: arithmetic the engine refuses becomes an error verdict, never a failed call.</summary>
    private static DomainVerdict Judge(Func<DomainVerdict> evaluate, EvaluateRequest.InputOneofCase input)
    {
        try
        {
            return evaluate();
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException)
        {
            return new DomainVerdict
            {
                Kind = input switch
                {
                    EvaluateRequest.InputOneofCase.ConductorResistance => TestKind.ConductorResistance,
                    EvaluateRequest.InputOneofCase.InsulationResistance => TestKind.InsulationResistance,
                    _ => TestKind.VoltageWithstand,
                },
                Outcome = Outcome.Error,
                ReasonCode = ReasonCodes.InvalidInput,
                Reason = e.Message,
            };
        }
    }
}
