using CableTest.Contracts.V1;
using CableTest.Domain.Inputs;

namespace CableTest.Service.Grpc.Inputs;

/// <summary>The input policy for BenchService requests, checked at the edge before the orchestrator sees them.</summary>
internal static class BenchRequestRules
{
    public static void Check(RegisterSampleRequest request)
    {
        var rules = new RequestRules()
            .Id(request.SampleId, "sample_id")
            .Text(request.LimsOrder, TextRule.ShortText, "lims_order")
            .Text(request.SpecId, TextRule.ShortText, "spec_id")
            .Number(request.CrossSectionMm2, InputRanges.CrossSectionMm2, "cross_section_mm2")
            .Number(request.LengthM, InputRanges.LengthM, "length_m")
            .Text(request.Description, TextRule.Description, "description");
        if (request.Cores is < 1 or > InputRanges.MaxCores)
        {
            rules.Add("cores", $"must be within 1..{InputRanges.MaxCores}");
        }

        foreach (var (field, problem) in InputRanges.DiameterProblems(
                     request.HasConductorDiameterMm ? request.ConductorDiameterMm : null,
                     request.HasInsulationOuterDiameterMm ? request.InsulationOuterDiameterMm : null,
                     "conductor_diameter_mm", "insulation_outer_diameter_mm"))
        {
            rules.Add(field, problem);
        }

        if (request.SamplingRecord is { } sampling)
        {
            SamplingRecordRules.Check(sampling, "sampling_record", rules);
        }

        rules.ThrowIfAny();
    }

    public static void Check(StartRunRequest request) => new RequestRules()
        .Id(request.SampleId, "sample_id")
        .Text(request.OperatorName, TextRule.ShortText, "operator_name")
        .Text(request.KtMethod, TextRule.ShortText, "kt_method")
        .Text(request.WithstandVoltageKind, TextRule.ShortText, "withstand_voltage_kind")
        .OptionalId(request.RequestId, "request_id")
        .ThrowIfAny();

    public static void Check(AbortRunRequest request) => new RequestRules()
        .Id(request.RunId, "run_id")
        .Text(request.Reason, TextRule.Reason, "reason")
        .ThrowIfAny();

    public static void Check(AnswerPromptRequest request) => new RequestRules()
        .Id(request.RunId, "run_id")
        .Id(request.PromptId, "prompt_id")
        .Text(request.OperatorName, TextRule.ShortText, "operator_name")
        .ThrowIfAny();

    public static void Check(ListRunsRequest request) => new RequestRules()
        .OptionalId(request.SampleId, "sample_id")
        .Text(request.PageToken, TextRule.ShortText, "page_token")
        .ThrowIfAny();

    public static void Check(WatchRunRequest request) => new RequestRules()
        .Id(request.RunId, "run_id")
        .ThrowIfAny();
}
