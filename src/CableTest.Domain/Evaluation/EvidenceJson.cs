using System.Text.Json.Nodes;
using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Evaluation;

/// <summary>
/// Every number of a verdict's evidence as a JSON object, each key named with its unit the way the
/// cabletest.v1 evidence messages name their fields (breakdown_time_s, lower_kv, dc_alternative_kv,
/// r20_ohm_per_km...). Numbers the engine did not compute are left out, never written as 0.
/// </summary>
public static class EvidenceJson
{
    public static JsonObject? ToJson(TestVerdict verdict)
    {
        var o = new JsonObject();
        switch (verdict.Evidence)
        {
            case ConductorResistanceEvidence e:
                Put(o, "measured_resistance_ohm", e.MeasuredResistanceOhm);
                Put(o, "length_m", e.LengthM);
                Put(o, "conductor_temperature_c", e.ConductorTemperatureC);
                o["kt_method"] = e.KtMethod.ToWireName();
                Put(o, "kt", e.Kt);
                Put(o, "rt_ohm_per_km", e.RtOhmPerKm);
                Put(o, "r20_ohm_per_km", e.R20OhmPerKm);
                Put(o, "limit_ohm_per_km", e.LimitOhmPerKm);
                Put(o, "acceptance_limit_ohm_per_km", e.AcceptanceLimitOhmPerKm);
                break;
            case InsulationResistanceEvidence e:
                Put(o, "measured_resistance_mohm", e.MeasuredResistanceMohm);
                Put(o, "length_m", e.LengthM);
                Put(o, "test_temperature_c", e.TestTemperatureC);
                Put(o, "test_voltage_v_dc", e.TestVoltageVDc);
                Put(o, "electrification_s", e.ElectrificationS);
                Put(o, "conductor_diameter_mm", e.ConductorDiameterMm);
                Put(o, "insulation_outer_diameter_mm", e.InsulationOuterDiameterMm);
                Put(o, "r_l_mohm_km", e.RLMohmKm);
                Put(o, "ki_mohm_km", e.KiMohmKm);
                Put(o, "rho_ohm_cm", e.RhoOhmCm);
                Put(o, "minimum", e.Minimum);
                o["minimum_unit"] = e.MinimumUnit;
                Put(o, "acceptance_limit", e.AcceptanceLimit);
                break;
            case VoltageWithstandEvidence e:
                o["voltage_kind"] = e.VoltageKind.ToString();
                Put(o, "required_kv", e.RequiredKv);
                Put(o, "required_s", e.RequiredS);
                Put(o, "voltage_tolerance_pct", e.VoltageTolerancePct);
                Put(o, "lower_kv", e.LowerKv);
                Put(o, "upper_kv", e.UpperKv);
                Put(o, "dc_alternative_kv", e.DcAlternativeKv);
                Put(o, "applied_kv", e.AppliedKv);
                Put(o, "frequency_hz", e.FrequencyHz);
                Put(o, "held_s", e.HeldS);
                o["breakdown"] = e.Breakdown;
                Put(o, "breakdown_time_s", e.BreakdownTimeS);
                Put(o, "breakdown_kv", e.BreakdownKv);
                o["interrupted"] = e.Interrupted;
                break;
            default:
                return null;
        }

        if (verdict.Uncertainty.Count > 0)
        {
            o["uncertainty"] = new JsonArray([.. verdict.Uncertainty.Select(Budget)]);
        }

        return o;
    }

    /// <summary>A budget with every component, each number keyed with what it is.</summary>
    public static JsonObject Budget(UncertaintyBudget b) => new()
    {
        ["quantity"] = b.Quantity,
        ["unit"] = b.Unit,
        ["value"] = b.Value,
        ["combined_standard_uncertainty"] = b.CombinedStandardUncertainty,
        ["coverage_factor"] = b.CoverageFactor,
        ["expanded_uncertainty"] = b.ExpandedUncertainty,
        ["reported_expanded_uncertainty"] = VerdictJson.Num(b.ReportedExpandedUncertainty),
        ["compared"] = b.Compared,
        ["verified"] = b.Verified,
        ["components"] = new JsonArray([.. b.Components.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["symbol"] = c.Symbol,
            ["source"] = c.Source,
            ["half_width"] = c.HalfWidth,
            ["input_unit"] = c.InputUnit,
            ["distribution"] = c.Distribution,
            ["divisor"] = c.Divisor,
            ["standard_uncertainty"] = c.StandardUncertainty,
            ["sensitivity_coefficient"] = c.SensitivityCoefficient,
            ["sensitivity_unit"] = c.SensitivityUnit,
            ["contribution"] = c.Contribution,
            ["tag"] = c.Tag,
        })]),
    };

    private static void Put(JsonObject o, string key, decimal? value)
    {
        if (value is { } v)
        {
            o[key] = VerdictJson.Num(v);
        }
    }
}
