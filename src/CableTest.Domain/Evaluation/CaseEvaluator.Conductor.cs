using System.Text.Json.Nodes;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Evaluation;

public sealed partial class CaseEvaluator
{
    private JsonObject ConductorResistance(CaseFields f)
    {
        var material = f.OptString("material") ?? "Cu";
        var conductor = new ConductorSpec(
            (int)f.Decimal("class", "conductor_class"),
            ParseMaterial(material),
            f.OptBool("coated") ?? ConductorMaterials.NamesCoating(material),
            f.Decimal("csa_mm2", "cross_section_mm2"));
        var ktName = f.OptString("kt_method");
        KtMethod kt;
        if (ktName is null)
        {
            kt = (f.OptString("method") ?? "").Contains("B.1", StringComparison.OrdinalIgnoreCase) ? KtMethod.Iec60228TableB1 : KtMethod.Alpha20;
        }
        else if (!KtMethodNames.TryParse(ktName, out kt))
        {
            throw new CaseInputException($"kt_method '{ktName}' is not alpha20 or iec60228_tableB1");
        }

        TemperatureRange? window = null;
        if (f.OptRange("ambient_window_c") is { } range)
        {
            window = new TemperatureRange(range.Min, range.Max);
        }
        else if (f.OptBool("enforce_ambient_window") == true)
        {
            window = Engine.Catalogue.TemperatureCorrection.AmbientWindowC;
        }

        var input = new ConductorResistanceInput(conductor, f.Decimal("measured_ohm", "measured_resistance_ohm"), f.Decimal("length_m"),
            f.Decimal("temp_c", "temperature_c", "conductor_temperature_c"), kt)
        {
            Edition = f.OptString("edition"),
            AmbientWindowC = window,
            MethodName = f.OptString("method"),
        };
        input = input with { Uncertainty = ConductorUncertainty(f, input.LengthM) };
        return VerdictJson.ToJson(Engine.EvaluateConductorResistance(input, ReadRule(f)));
    }

    private static ConductorMaterial ParseMaterial(string material) =>
        ConductorMaterials.TryParse(material, out var parsed)
            ? parsed
            : throw new CaseInputException($"material '{material}' is not {ConductorMaterials.Choices}");

    /// <summary>
    /// The case's decision rule: "decision_rule" kind with expanded_uncertainty_U, coverage_factor_k, guard_band_w, or
    /// with "uncertainty_source": "budget" (U from the result's uncertainty budget).
    /// </summary>
    private static DecisionRule ReadRule(CaseFields f)
    {
        var name = f.OptString("decision_rule");
        if (!DecisionRule.TryParseKind(name, out var kind))
        {
            throw new CaseInputException($"decision_rule '{name}' is not simple_acceptance, binary_guard_band or non_binary_guard_band");
        }

        var u = f.OptDecimal("expanded_uncertainty_U", "expanded_uncertainty", "U");
        var k = f.OptDecimal("coverage_factor_k", "coverage_factor", "k");
        var w = f.OptDecimal("guard_band_w", "guard_band", "w");
        if (f.OptString("uncertainty_source") is { } source)
        {
            return source == "budget" && u is null && w is null
                ? DecisionRule.FromBudget(kind, k ?? 2m)
                : throw new CaseInputException($"uncertainty_source '{source}': only \"budget\" (U from the result's budget), without expanded_uncertainty_U or guard_band_w");
        }

        if (kind != DecisionRuleKind.SimpleAcceptance && u is null && w is null)
        {
            throw new CaseInputException($"decision_rule {name} needs expanded_uncertainty_U or guard_band_w");
        }

        return DecisionRule.Of(kind, u, k, w);
    }
}
