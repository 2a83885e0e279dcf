using System.Text.Json.Nodes;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Evaluation;

public sealed partial class CaseEvaluator
{
    private static JsonObject DecisionRuleCase(CaseFields f)
    {
        var limitName = f.OptString("limit_type") ?? "upper";
        var limitType = limitName.Trim().ToUpperInvariant() switch
        {
            "UPPER" or "MAX" or "MAXIMUM" => LimitType.Upper,
            "LOWER" or "MIN" or "MINIMUM" => LimitType.Lower,
            _ => throw new CaseInputException($"limit_type '{limitName}' is not upper or lower"),
        };
        var tl = f.Decimal("tolerance_limit");
        var measured = f.Decimal("measured");
        var u = f.OptDecimal("expanded_uncertainty_U", "expanded_uncertainty", "U");
        var k = f.OptDecimal("coverage_factor_k", "coverage_factor", "k") ?? 2m;
        var w = f.OptDecimal("guard_band_w", "guard_band", "w") ?? u ?? 0m;
        var simple = ConformityDecision.Decide(measured, tl, limitType, DecisionRule.SimpleAcceptanceWith(u ?? 0m, k));
        var binary = ConformityDecision.Decide(measured, tl, limitType, DecisionRule.BinaryGuardBand(u ?? w, k, w));
        var nonBinary = ConformityDecision.Decide(measured, tl, limitType, DecisionRule.NonBinaryGuardBand(u ?? w, k, w));
        var ruleName = f.OptString("decision_rule");
        if (!DecisionRule.TryParseKind(ruleName, out var kind))
        {
            throw new CaseInputException($"decision_rule '{ruleName}' is not simple_acceptance, binary_guard_band or non_binary_guard_band");
        }

        var chosen = kind switch
        {
            DecisionRuleKind.SimpleAcceptance => simple,
            DecisionRuleKind.BinaryGuardBand => binary,
            _ => nonBinary,
        };
        return new JsonObject
        {
            ["verdict"] = chosen.Outcome.ToWireName(),
            ["acceptance_limit"] = VerdictJson.Num(binary.AcceptanceLimit),
            ["tolerance_limit"] = VerdictJson.Num(tl),
            ["guard_band_w"] = VerdictJson.Num(w),
            ["simple_acceptance"] = simple.Outcome.ToWireName(),
            ["binary_guard_band"] = binary.Outcome.ToWireName(),
            ["non_binary_guard_band"] = nonBinary.Outcome.ToWireName(),
            ["decision_rule"] = kind switch
            {
                DecisionRuleKind.SimpleAcceptance => "simple_acceptance",
                DecisionRuleKind.BinaryGuardBand => "binary_guard_band",
                _ => "non_binary_guard_band",
            },
            ["limit_type"] = limitType == LimitType.Upper ? "upper" : "lower",
        };
    }
}
