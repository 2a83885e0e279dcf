using System.Text.Json.Nodes;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Evaluation;

/// <summary>
/// A <see cref="TestVerdict"/> as the flat snake_case object of the golden-file format (every key it has), with
/// the evidence numbers under <see cref="EvidenceKey"/> (<see cref="EvidenceJson"/>).
/// </summary>
public static class VerdictJson
{
    /// <summary>The key of the evidence object; <see cref="CaseEvaluator"/> moves it next to "result" in its answer.</summary>
    public const string EvidenceKey = "evidence";

    public static JsonObject ToJson(TestVerdict verdict)
    {
        var o = new JsonObject { ["verdict"] = verdict.Outcome.ToWireName() };
        if (verdict.ReasonCode is not null)
        {
            o["error"] = verdict.ReasonCode;
            o["detail"] = verdict.Reason;
        }

        switch (verdict.Evidence)
        {
            case ConductorResistanceEvidence e:
                o["r_t_ohm_per_km"] = Num(e.RtOhmPerKm);
                o["kt"] = Num(e.Kt);
                o["r20_ohm_per_km"] = Num(e.R20OhmPerKm);
                o["limit_ohm_per_km"] = Num(e.LimitOhmPerKm);
                o["acceptance_limit"] = Num(e.AcceptanceLimitOhmPerKm);
                o["kt_method"] = e.KtMethod.ToWireName();
                break;
            case InsulationResistanceEvidence e:
                o["r_l_mohm_km"] = Num(e.RLMohmKm);
                o["ki_mohm_km"] = Num(e.KiMohmKm);
                o["rho_ohm_cm"] = Num(e.RhoOhmCm);
                o["minimum"] = Num(e.Minimum);
                o["minimum_unit"] = e.MinimumUnit;
                o["acceptance_limit"] = Num(e.AcceptanceLimit);
                o["criterion"] = e.Criterion.ToWireName();
                o["cable_type"] = e.CableType;
                break;
            case VoltageWithstandEvidence e:
                o["required_kv"] = Num(e.RequiredKv);
                o["required_s"] = Num(e.RequiredS);
                o["voltage_tolerance_pct"] = Num(e.VoltageTolerancePct);
                o["lower_kv"] = Num(e.LowerKv);
                o["upper_kv"] = Num(e.UpperKv);
                o["dc_alternative_kv"] = Num(e.DcAlternativeKv);
                o["breakdown_time_s"] = Num(e.BreakdownTimeS);
                o["breakdown_kv"] = Num(e.BreakdownKv);
                o["held_s"] = Num(e.HeldS);
                break;
        }

        if (verdict.Reference is { } r)
        {
            o["standard"] = r.Standard;
            o["edition"] = r.Edition;
            o["clause"] = r.Clause;
            o["method"] = r.Method;
            o["source"] = r.Source;
        }

        o["limit_verified"] = verdict.LimitVerified;
        if (verdict.DecisionRule is { } rule)
        {
            o["decision_rule"] = rule.WireName;
            o["guard_band_w"] = rule.GuardBand;
            if (rule.ExpandedUncertainty is { } u)
            {
                o["expanded_uncertainty_U"] = Num(u);
            }

            if (rule.UncertaintySource != Uncertainty.UncertaintySource.None)
            {
                o["uncertainty_source"] = rule.UncertaintySource == Uncertainty.UncertaintySource.Budget ? "budget" : "request";
            }
        }

        o["warnings"] = new JsonArray([.. verdict.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]);
        if (EvidenceJson.ToJson(verdict) is { } evidence)
        {
            o[EvidenceKey] = evidence;
        }

        return o;
    }

    /// <summary>A decimal as a JSON number (shortest double form; exact decimals such as 7.41 stay 7.41).</summary>
    internal static JsonNode? Num(decimal? value) => value is { } d ? JsonValue.Create((double)d) : null;
}
