using System.Text.Json.Nodes;
using CableTest.Contracts.V1;
using CableTest.Domain.Evaluation;
using Google.Rpc;
using Grpc.Core;

namespace CableTest.Service.Tests.Grpc;

/// <summary>StandardsService over gRPC: the catalogue, and Evaluate agreeing with `cabletest evaluate`.</summary>
public sealed class StandardsServiceTests : IAsyncLifetime
{
    private InProcessService service = null!;
    private StandardsService.StandardsServiceClient client = null!;
    private readonly Metadata technician = InProcessService.ApiKey(InProcessService.TechnicianKey);

    public async Task InitializeAsync()
    {
        service = await InProcessService.StartAsync(allowAnonymousLoopback: false);
        client = new StandardsService.StandardsServiceClient(service.Channel);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task ListStandards_Catalogue_StandardsAndVersion()
    {
        var response = await client.ListStandardsAsync(new ListStandardsRequest(), technician);
        Assert.NotEmpty(response.CatalogueVersion);
        Assert.Contains(response.Standards, s => s.Standard.Contains("IEC 60228", StringComparison.Ordinal) && s.Tables.Count > 0);
    }

    [Fact]
    public async Task ListProductSpecs_FilterBv_OnlyBv()
    {
        var response = await client.ListProductSpecsAsync(new ListProductSpecsRequest { ProductCode = "BV" }, technician);
        Assert.NotEmpty(response.Specs);
        Assert.All(response.Specs, s => Assert.Contains("BV", s.ProductCode, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(0.0700, "pass")]
    [InlineData(0.0800, "fail")]
    public async Task Evaluate_ConductorResistance_SameAsCliEvaluator(double measuredOhm, string expected)
    {
        var verdict = await client.EvaluateAsync(new EvaluateRequest
        {
            ConductorResistance = new ConductorResistanceInput
            {
                Conductor = new ConductorSpec { ConductorClass = 1, Material = "Cu", CrossSectionMm2 = 2.5 },
                MeasuredResistanceOhm = measuredOhm,
                LengthM = 10,
                ConductorTemperatureC = 23.5,
            },
        }, technician);

        var cli = CaseEvaluator.Default.EvaluateCase(JsonNode.Parse(
            $$"""{"test":"conductor_resistance","class":1,"material":"Cu","csa_mm2":2.5,"measured_ohm":{{measuredOhm.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"length_m":10,"temp_c":23.5}""")!.AsObject())["result"]!;
        Assert.Equal(expected, cli["verdict"]!.GetValue<string>());
        Assert.Equal(expected == "pass" ? Outcome.Pass : Outcome.Fail, verdict.Outcome);
        Assert.Equal(double.Parse(cli["r20_ohm_per_km"]!.ToJsonString()), verdict.ConductorResistance.R20OhmPerKm, 12);
        Assert.Equal(double.Parse(cli["limit_ohm_per_km"]!.ToJsonString()), verdict.ConductorResistance.LimitOhmPerKm, 12);
        Assert.Equal(cli["clause"]!.GetValue<string>(), verdict.Reference.Clause);
    }

    [Theory]
    [InlineData("tinned Cu")]
    [InlineData("CuSn")]
    [InlineData("coated CU")]
    [InlineData("copper")]
    public async Task Evaluate_MaterialSpellingOfTheCaseFile_SameVerdictAsCliEvaluator(string material)
    {
        // One parser (ConductorMaterials) for the gRPC request and the case file: a name that says
        // "coated" judges against the metal-coated column in both.
        var verdict = await client.EvaluateAsync(new EvaluateRequest
        {
            ConductorResistance = new ConductorResistanceInput
            {
                Conductor = new ConductorSpec { ConductorClass = 2, Material = material, CrossSectionMm2 = 2.5 },
                MeasuredResistanceOhm = 0.0745,
                LengthM = 10,
                ConductorTemperatureC = 20,
            },
        }, technician);

        var cli = CaseEvaluator.Default.EvaluateCase(JsonNode.Parse(
            $$"""{"test":"conductor_resistance","class":2,"material":"{{material}}","csa_mm2":2.5,"measured_ohm":0.0745,"length_m":10,"temp_c":20}""")!.AsObject())["result"]!;
        Assert.Equal(cli["verdict"]!.GetValue<string>(), verdict.Outcome.ToString().ToLowerInvariant());
        Assert.Equal(double.Parse(cli["limit_ohm_per_km"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture), verdict.ConductorResistance.LimitOhmPerKm, 12);
    }

    [Fact]
    public async Task Evaluate_GuardBandRule_ConditionalOutcome()
    {
        var verdict = await client.EvaluateAsync(new EvaluateRequest
        {
            DecisionRule = new DecisionRule { Kind = DecisionRule.Types.Kind.NonBinaryGuardBand, ExpandedUncertainty = 0.2, CoverageFactor = 2 },
            ConductorResistance = new ConductorResistanceInput
            {
                Conductor = new ConductorSpec { ConductorClass = 1, Material = "Cu", CrossSectionMm2 = 2.5 },
                MeasuredResistanceOhm = 0.0738,
                LengthM = 10,
                ConductorTemperatureC = 20,
            },
        }, technician);
        Assert.Equal(DecisionRule.Types.Kind.NonBinaryGuardBand, verdict.DecisionRule.Kind);
        Assert.Contains(verdict.Outcome, new[] { Outcome.ConditionalPass, Outcome.ConditionalFail });
    }

    [Fact]
    public async Task Evaluate_RuleWithUFromTheBudgetWithoutAccuracyData_InconclusiveNamedSource()
    {
        var verdict = await client.EvaluateAsync(new EvaluateRequest
        {
            DecisionRule = new DecisionRule { Kind = DecisionRule.Types.Kind.BinaryGuardBand, UncertaintySource = "budget" },
            ConductorResistance = new ConductorResistanceInput
            {
                Conductor = new ConductorSpec { ConductorClass = 1, Material = "Cu", CrossSectionMm2 = 2.5 },
                MeasuredResistanceOhm = 0.0700,
                LengthM = 10,
                ConductorTemperatureC = 20,
            },
        }, technician);

        Assert.Equal((Outcome.Inconclusive, "no_uncertainty_budget"), (verdict.Outcome, verdict.ReasonCode));
        Assert.Equal("budget", verdict.DecisionRule.UncertaintySource);
        Assert.Empty(verdict.Uncertainty);
    }

    [Fact]
    public async Task Evaluate_BudgetSourceWithAGivenU_NamesTheField()
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.EvaluateAsync(new EvaluateRequest
        {
            DecisionRule = new DecisionRule { Kind = DecisionRule.Types.Kind.BinaryGuardBand, UncertaintySource = "budget", ExpandedUncertainty = 0.02 },
            VoltageWithstand = new VoltageWithstandInput { RatedVoltage = "450/750 V", VoltageKind = "AC", AppliedKv = 2.5, FrequencyHz = 50, HeldS = 300 },
        }, technician));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("decision_rule.uncertainty_source", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Theory]
    [InlineData(5e-324)] // positive as a double, 0 as a decimal: was INTERNAL (found by the hostile-input property test, seed 1981360893)
    [InlineData(1e-30)]
    public async Task Evaluate_CoverageFactorZeroAsADecimal_NamesTheField(double k)
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.EvaluateAsync(new EvaluateRequest
        {
            DecisionRule = new DecisionRule { ExpandedUncertainty = 500, CoverageFactor = k },
            VoltageWithstand = new VoltageWithstandInput { RatedVoltage = "450/750 V", VoltageKind = "AC", AppliedKv = 2.5, FrequencyHz = 50, HeldS = 300 },
        }, technician));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("decision_rule.coverage_factor", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Evaluate_VoltageWithstand_HeldFullDuration_Pass()
    {
        var verdict = await client.EvaluateAsync(new EvaluateRequest
        {
            VoltageWithstand = new VoltageWithstandInput { RatedVoltage = "450/750 V", VoltageKind = "AC", AppliedKv = 2.5, FrequencyHz = 50, HeldS = 300 },
        }, technician);
        Assert.Equal(TestKind.VoltageWithstand, verdict.Kind);
        Assert.Equal(Outcome.Pass, verdict.Outcome);
        Assert.Equal(2.5, verdict.VoltageWithstand.RequiredKv);
    }

    [Fact]
    public async Task Evaluate_NoInputAndBadNames_EveryViolation()
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.EvaluateAsync(new EvaluateRequest(), technician));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("input", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);

        var bad = await Assert.ThrowsAsync<RpcException>(async () => await client.EvaluateAsync(new EvaluateRequest
        {
            ConductorResistance = new ConductorResistanceInput
            {
                Conductor = new ConductorSpec { ConductorClass = 3, Material = "Fe", CrossSectionMm2 = 2.5 },
                MeasuredResistanceOhm = double.NaN,
                LengthM = 10,
                KtMethod = "magic",
            },
        }, technician));
        var fields = bad.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order().ToList();
        Assert.Equal(
            ["conductor_resistance.conductor.conductor_class", "conductor_resistance.conductor.material", "conductor_resistance.kt_method", "conductor_resistance.measured_resistance_ohm"],
            fields);
    }

    [Fact]
    public async Task Evaluate_NoLimitForConductor_ErrorVerdictNotAFailedCall()
    {
        var verdict = await client.EvaluateAsync(new EvaluateRequest
        {
            ConductorResistance = new ConductorResistanceInput
            {
                Conductor = new ConductorSpec { ConductorClass = 1, Material = "Cu", CrossSectionMm2 = 2.7 },
                MeasuredResistanceOhm = 0.07,
                LengthM = 10,
                ConductorTemperatureC = 20,
            },
        }, technician);
        Assert.Equal(Outcome.Error, verdict.Outcome);
        Assert.Equal("no_limit_defined", verdict.ReasonCode);
    }
}
