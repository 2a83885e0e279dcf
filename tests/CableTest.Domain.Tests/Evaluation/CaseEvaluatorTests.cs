using System.Text.Json.Nodes;
using CableTest.Domain.Evaluation;

namespace CableTest.Domain.Tests.Evaluation;

/// <summary>The golden-format adapter: every case kind and field, bad lines answered with "error".</summary>
public sealed class CaseEvaluatorTests
{
    private static JsonObject Result(string line) => CaseEvaluator.Default.EvaluateLine(line, 7)["result"]!.AsObject();

    private static string Verdict(JsonObject result) => result["verdict"]!.GetValue<string>();

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public void EvaluateLine_Unreadable_IsErrorWithMessage(string line)
    {
        var answer = CaseEvaluator.Default.EvaluateLine(line, 7);
        var result = answer["result"]!.AsObject();
        Assert.Equal("error", Verdict(result));
        Assert.Equal("malformed_case", result["error"]!.GetValue<string>());
        Assert.Contains("line 7", result["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateLine_TruncatedLine_SalvagesId()
    {
        var answer = CaseEvaluator.Default.EvaluateLine("""{"id": "cr-99", "test": "conductor_res""", 3);
        Assert.Equal("cr-99", answer["id"]!.GetValue<string>());
        Assert.Equal("error", Verdict(answer["result"]!.AsObject()));
    }

    [Fact]
    public void EvaluateLine_MissingFieldOrUnknownTest_IsErrorKeepingId()
    {
        var missing = CaseEvaluator.Default.EvaluateLine("""{"id": "x1", "test": "conductor_resistance", "class": 2, "material": "Cu", "csa_mm2": 2.5, "length_m": 10, "temp_c": 20, "expected": {"verdict": "pass"}}""");
        Assert.Equal("x1", missing["id"]!.GetValue<string>());
        var r = missing["result"]!.AsObject();
        Assert.Equal("error", Verdict(r));
        Assert.Equal("invalid_input", r["error"]!.GetValue<string>());
        Assert.Contains("measured_ohm", r["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal("malformed_case", Result("""{"id": "x2", "test": "tensile"}""")["error"]!.GetValue<string>());
        Assert.Equal("invalid_input", Result("""{"id": "x3", "test": "conductor_resistance", "class": 2, "material": "Cu", "csa_mm2": "big", "length_m": 10, "temp_c": 20, "measured_ohm": 1}""")["error"]!.GetValue<string>());
    }

    [Fact]
    public void EvaluateLine_NoExpected_GivesEveryComputedKey()
    {
        var r = Result("""{"id": "c", "test": "conductor_resistance", "class": 1, "material": "Al", "csa_mm2": 50, "length_m": 10, "temp_c": 18, "measured_ohm": 0.0063, "kt_method": "alpha20"}""");
        Assert.Equal("pass", Verdict(r));
        foreach (var key in new[] { "r_t_ohm_per_km", "kt", "r20_ohm_per_km", "limit_ohm_per_km", "standard", "edition", "clause", "method", "source", "limit_verified", "warnings", "decision_rule" })
        {
            Assert.True(r.ContainsKey(key), key);
        }

        Assert.Equal(0.641, r["limit_ohm_per_km"]!.GetValue<double>());
        Assert.Equal("Table 1", r["clause"]!.GetValue<string>());
    }

    [Fact]
    public void EvaluateLine_ExpectedKeysOnly_PlusErrorForNonStatements()
    {
        var r = Result("""{"id": "v", "test": "voltage_withstand", "rated_voltage": "450/750 V", "voltage_kind": "AC", "applied_kv": 2.5, "frequency_hz": 45, "held_s": 300, "breakdown": false, "expected": {"verdict": "invalid"}}""");
        Assert.Equal(["verdict", "error", "detail"], r.Select(p => p.Key));
        Assert.Equal("frequency_out_of_range", r["error"]!.GetValue<string>());
    }

    [Fact]
    public void EvaluateLine_InsulationCableTypeFromProductCode_RvClass5()
    {
        // RV 450/750 V -> 60227 IEC 02 (class 5), 1.5 mm2 minimum 0.010 at 70 degC. 2.2 MOhm x 0.005 km = 0.011 -> pass.
        var r = Result("""{"id": "i", "test": "insulation_resistance", "standard": "GB/T 5023.3-2008", "cable": "RV 450/750 V 1x1.5 mm2", "test_temp_c": 70, "length_m": 5, "measured_mohm": 2.2, "conductor_diameter_mm": 1.6, "insulation_outer_diameter_mm": 3.0, "test_voltage_v_dc": 500, "electrification_s": 60, "criterion": "R_L"}""");
        Assert.Equal("pass", Verdict(r));
        Assert.Equal(0.01, r["minimum"]!.GetValue<double>());
        Assert.Equal("60227 IEC 02", r["cable_type"]!.GetValue<string>());
    }

    [Fact]
    public void EvaluateLine_InsulationCompoundFromProductCode_VvIsPvcA()
    {
        var r = Result("""{"id": "i", "test": "insulation_resistance", "standard": "IEC 60502-1 / GB/T 12706.1", "cable": "VV 0.6/1 kV 3x10 mm2", "test_temp_c": 20, "length_m": 10, "measured_mohm": 10000, "conductor_diameter_mm": 3.8, "insulation_outer_diameter_mm": 5.8, "test_voltage_v_dc": 500, "electrification_s": 60, "criterion": "rho"}""");
        Assert.Equal("pass", Verdict(r));
        Assert.Equal(1e13, r["minimum"]!.GetValue<double>());
        Assert.Equal("PVC/A", r["cable_type"]!.GetValue<string>());
    }

    [Fact]
    public void EvaluateLine_DecisionRuleCase_UsesCaseRuleForVerdict()
    {
        var r = Result("""{"id": "g", "test": "decision_rule", "limit_type": "upper", "tolerance_limit": 7.41, "measured": 7.42, "expanded_uncertainty_U": 0.025, "coverage_factor_k": 2, "decision_rule": "non_binary_guard_band"}""");
        Assert.Equal("conditional_fail", Verdict(r));
        Assert.Equal("pass", Result("""{"id": "g", "test": "decision_rule", "limit_type": "lower", "tolerance_limit": 3.67, "measured": 3.67, "expanded_uncertainty_U": 0.2}""")["simple_acceptance"]!.GetValue<string>());
    }

    [Fact]
    public void EvaluateLine_ConductorCaseWithGuardBand_ReadsUncertaintyFields()
    {
        var r = Result("""{"id": "c", "test": "conductor_resistance", "class": 2, "material": "Cu", "coated": false, "csa_mm2": 2.5, "length_m": 10, "temp_c": 20, "measured_ohm": 0.0740, "kt_method": "alpha20", "decision_rule": "non_binary_guard_band", "expanded_uncertainty_U": 0.025, "coverage_factor_k": 2}""");
        Assert.Equal("conditional_pass", Verdict(r));
        Assert.Equal(7.385, r["acceptance_limit"]!.GetValue<double>());
        Assert.Equal("invalid_input", Result("""{"id": "c", "test": "conductor_resistance", "class": 2, "material": "Cu", "csa_mm2": 2.5, "length_m": 10, "temp_c": 20, "measured_ohm": 0.074, "decision_rule": "binary_guard_band"}""")["error"]!.GetValue<string>());
    }

    [Fact]
    public void EvaluateLine_AmbientWindowAskedByInput_IsInconclusive()
    {
        var r = Result("""{"id": "c", "test": "conductor_resistance", "class": 2, "material": "Cu", "csa_mm2": 10, "length_m": 100, "temp_c": 5, "measured_ohm": 0.178, "enforce_ambient_window": true}""");
        Assert.Equal("inconclusive", Verdict(r));
        Assert.Equal("invalid_conditions", r["error"]!.GetValue<string>());
    }

    [Fact]
    public void EvaluateLine_DcWithstandFamilyFromStandard()
    {
        var r = Result("""{"id": "v", "test": "voltage_withstand", "standard": "IEC 60502-1 / GB/T 12706.1", "rated_voltage": "0.6/1 kV", "voltage_kind": "DC", "required_kv": 8.4, "applied_kv": 8.4, "held_s": 300, "required_s": 300, "breakdown": false, "voltage_tolerance_pct": 3.0}""");
        Assert.Equal("pass", Verdict(r));
        Assert.Equal(8.4, r["required_kv"]!.GetValue<double>());
    }
}

public sealed class CaseEvaluatorExtremeInputTests
{
    [Theory]
    [InlineData("""{"id": "e1", "test": "conductor_resistance", "class": 2, "material": "Cu", "csa_mm2": 2.5, "length_m": 1e-20, "temp_c": 20, "measured_ohm": 7e27}""")]
    [InlineData("""{"id": "e2", "test": "insulation_resistance", "standard": "(60227 IEC 01)", "cable": "BV 450/750 V 1x2.5 mm2 class 1", "test_temp_c": 70, "length_m": 5, "measured_mohm": 3, "conductor_diameter_mm": 1.78, "insulation_outer_diameter_mm": 1.7800000000000000001, "test_voltage_v_dc": 500, "electrification_s": 60, "criterion": "R_L"}""")]
    [InlineData("""{"id": "e3", "test": "conductor_resistance", "class": 2, "material": "Cu", "csa_mm2": 2.5, "length_m": 10, "temp_c": 1e300, "measured_ohm": 0.07}""")]
    public void EvaluateLine_ExtremeNumbers_AnswerErrorNotCrash(string line)
    {
        var result = CaseEvaluator.Default.EvaluateLine(line, 1)["result"]!.AsObject();
        Assert.Equal("error", result["verdict"]!.GetValue<string>());
        Assert.Equal("invalid_input", result["error"]!.GetValue<string>());
    }
}
