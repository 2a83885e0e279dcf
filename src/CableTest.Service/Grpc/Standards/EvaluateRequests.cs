using System.Globalization;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Grpc.Standards;

/// <summary>
/// Turns an EvaluateRequest into the verdict engine's input. Only the request's shape is checked
/// here (a oneof set, names known, numbers finite and representable); whether a value is plausible
/// is the engine's call and comes back as a verdict (invalid, error...), as from <c>cabletest evaluate</c>.
/// </summary>
internal sealed class EvaluateRequests(StandardsCatalogue catalogue)
{
    private readonly List<FieldViolation> violations = [];

    public DecisionRule Rule(V1.DecisionRule? rule)
    {
        if (rule is null)
        {
            return DecisionRule.SimpleAcceptance;
        }

        var u = Optional(rule.ExpandedUncertainty, "decision_rule.expanded_uncertainty");
        var k = Optional(rule.CoverageFactor, "decision_rule.coverage_factor");
        var w = Optional(rule.GuardBand, "decision_rule.guard_band");
        if (u < 0m || w < 0m || k < 0m)
        {
            violations.Add(new("decision_rule", "guard_band, expanded_uncertainty and coverage_factor must not be negative"));
            return DecisionRule.SimpleAcceptance;
        }

        if (k == 0m)
        {
            // Zero, or a positive number too small for a decimal (5e-324): k divides U.
            violations.Add(new("decision_rule.coverage_factor", "must be positive (typically 2)"));
            return DecisionRule.SimpleAcceptance;
        }

        switch (rule.UncertaintySource.Trim().ToLowerInvariant())
        {
            case "" or "request":
                break;
            case "budget" when u is null && w is null && Enum.IsDefined(rule.Kind):
                return DecisionRule.FromBudget(KindOf(rule.Kind), k ?? 2m);
            case "budget" when u is not null || w is not null:
                violations.Add(new("decision_rule.uncertainty_source", "\"budget\" takes U from each result's uncertainty budget: leave expanded_uncertainty and guard_band unset"));
                return DecisionRule.SimpleAcceptance;
            case "budget":
                break;
            default:
                violations.Add(new("decision_rule.uncertainty_source", $"'{rule.UncertaintySource}' is not \"budget\", \"request\" or empty"));
                return DecisionRule.SimpleAcceptance;
        }

        switch (rule.Kind)
        {
            case V1.DecisionRule.Types.Kind.Unspecified or V1.DecisionRule.Types.Kind.SimpleAcceptance:
                return u is null ? DecisionRule.SimpleAcceptance : DecisionRule.SimpleAcceptanceWith(u.Value, k ?? 2m);
            case V1.DecisionRule.Types.Kind.BinaryGuardBand or V1.DecisionRule.Types.Kind.NonBinaryGuardBand:
                if (u is null && w is null)
                {
                    violations.Add(new("decision_rule.expanded_uncertainty", "a guard-band rule needs expanded_uncertainty or guard_band"));
                    return DecisionRule.SimpleAcceptance;
                }

                var kind = rule.Kind == V1.DecisionRule.Types.Kind.BinaryGuardBand ? DecisionRuleKind.BinaryGuardBand : DecisionRuleKind.NonBinaryGuardBand;
                return DecisionRule.Of(kind, u, k, w);
            default:
                violations.Add(new("decision_rule.kind", $"'{rule.Kind}' is not a decision rule kind"));
                return DecisionRule.SimpleAcceptance;
        }
    }

    private static DecisionRuleKind KindOf(V1.DecisionRule.Types.Kind kind) => kind switch
    {
        V1.DecisionRule.Types.Kind.BinaryGuardBand => DecisionRuleKind.BinaryGuardBand,
        V1.DecisionRule.Types.Kind.NonBinaryGuardBand => DecisionRuleKind.NonBinaryGuardBand,
        _ => DecisionRuleKind.SimpleAcceptance,
    };

    public ConductorResistanceInput? Conductor(V1.ConductorResistanceInput input)
    {
        var conductor = ConductorSpec(input.Conductor, "conductor_resistance.conductor", required: true);
        var kt = KtMethod.Alpha20;
        if (input.KtMethod.Length > 0 && !KtMethodNames.TryParse(input.KtMethod, out kt))
        {
            violations.Add(new("conductor_resistance.kt_method", $"'{input.KtMethod}' is not alpha20 or iec60228_tableB1"));
        }

        var measured = Required(input.MeasuredResistanceOhm, "conductor_resistance.measured_resistance_ohm");
        var length = Required(input.LengthM, "conductor_resistance.length_m");
        var temperature = Required(input.ConductorTemperatureC, "conductor_resistance.conductor_temperature_c");
        return conductor is null ? null : new ConductorResistanceInput(conductor, measured, length, temperature, kt);
    }

    public InsulationResistanceInput? Insulation(V1.InsulationResistanceInput input)
    {
        if (string.IsNullOrWhiteSpace(input.CableType))
        {
            violations.Add(new("insulation_resistance.cable_type", "required: a 60227 cable type (\"60227 IEC 01\") or an IEC 60502-1 compound (\"XLPE\")"));
        }

        var criterionName = input.Criterion.Length == 0 ? "R_L" : input.Criterion;
        if (!InsulationCriterionNames.TryParse(criterionName, out var criterion))
        {
            violations.Add(new("insulation_resistance.criterion", $"'{input.Criterion}' is not R_L, Ki or rho"));
        }

        var conductor = input.Conductor is null ? null : ConductorSpec(input.Conductor, "insulation_resistance.conductor", required: false);
        var result = new InsulationResistanceInput(
            input.CableType.Trim(),
            criterion,
            Required(input.MeasuredResistanceMohm, "insulation_resistance.measured_resistance_mohm"),
            Required(input.LengthM, "insulation_resistance.length_m"),
            Required(input.TestTemperatureC, "insulation_resistance.test_temperature_c"),
            Required(input.TestVoltageVDc, "insulation_resistance.test_voltage_v_dc"),
            Required(input.ElectrificationS, "insulation_resistance.electrification_s"),
            Required(input.ConductorDiameterMm, "insulation_resistance.conductor_diameter_mm"),
            Required(input.InsulationOuterDiameterMm, "insulation_resistance.insulation_outer_diameter_mm"))
        {
            ConductorClass = conductor?.ConductorClass is > 0 ? conductor.ConductorClass : null,
            CrossSectionMm2 = conductor?.CrossSectionMm2 is > 0m ? conductor.CrossSectionMm2 : null,
        };
        return result;
    }

    public VoltageWithstandInput? Withstand(V1.VoltageWithstandInput input)
    {
        if (!RatedVoltage.TryParse(input.RatedVoltage, out _))
        {
            violations.Add(new("voltage_withstand.rated_voltage", $"'{input.RatedVoltage}' is not a rated voltage U0/U such as \"450/750 V\" or \"0.6/1 kV\""));
        }

        var kind = (input.VoltageKind.Trim().ToUpperInvariant()) switch
        {
            "" or "AC" => VoltageKind.AC,
            "DC" => VoltageKind.DC,
            _ => Invalid(VoltageKind.AC, "voltage_withstand.voltage_kind", $"'{input.VoltageKind}' is not AC or DC"),
        };
        var location = input.BreakdownLocation.Trim().ToUpperInvariant() switch
        {
            "" or "NONE" => BreakdownLocation.Unknown,
            "INSULATION" => BreakdownLocation.Insulation,
            "TERMINATION" => BreakdownLocation.Termination,
            _ => Invalid(BreakdownLocation.Unknown, "voltage_withstand.breakdown_location", $"'{input.BreakdownLocation}' is not insulation or termination"),
        };
        string? family = null;
        if (input.Standard.Length > 0)
        {
            family = catalogue.FindVoltageTestFamily(input.Standard.Trim())?.Family;
            if (family is null)
            {
                violations.Add(new("voltage_withstand.standard", $"'{input.Standard}' is not a voltage-test family of the catalogue ({string.Join(", ", catalogue.VoltageTestFamilies.Select(f => f.Family))})"));
            }
        }

        var frequency = Optional(input.FrequencyHz, "voltage_withstand.frequency_hz");
        return new VoltageWithstandInput(input.RatedVoltage, kind,
            Required(input.AppliedKv, "voltage_withstand.applied_kv"), Required(input.HeldS, "voltage_withstand.held_s"), input.Breakdown)
        {
            FrequencyHz = frequency,
            BreakdownLocation = location,
            RequiredKv = input.HasRequiredKv ? Required(input.RequiredKv, "voltage_withstand.required_kv") : null,
            RequiredS = input.HasRequiredS ? Required(input.RequiredS, "voltage_withstand.required_s") : null,
            VoltageTolerancePct = input.HasVoltageTolerancePct ? Required(input.VoltageTolerancePct, "voltage_withstand.voltage_tolerance_pct") : null,
            StandardFamily = family,
        };
    }

    public void AddViolation(string field, string description) => violations.Add(new(field, description));

    public void ThrowIfInvalid()
    {
        if (violations.Count > 0)
        {
            throw new RequestValidationException(violations);
        }
    }

    private ConductorSpec? ConductorSpec(V1.ConductorSpec? spec, string field, bool required)
    {
        if (spec is null)
        {
            violations.Add(new(field, "required: conductor_class, material and cross_section_mm2"));
            return null;
        }

        var ok = true;
        if (spec.ConductorClass is not (1 or 2 or 5 or 6) && (required || spec.ConductorClass != 0))
        {
            violations.Add(new($"{field}.conductor_class", $"{spec.ConductorClass} is not an IEC 60228 class (1, 2, 5 or 6)"));
            ok = false;
        }

        // Not given (proto default): copper. Otherwise the one parser the case file uses too.
        var material = string.IsNullOrWhiteSpace(spec.Material) ? ConductorMaterial.Copper
            : ConductorMaterials.TryParse(spec.Material, out var parsed) ? parsed
            : Invalid((ConductorMaterial?)null, $"{field}.material", $"'{spec.Material}' is not {ConductorMaterials.Choices}");
        var csa = Required(spec.CrossSectionMm2, $"{field}.cross_section_mm2");
        if (required && csa <= 0m)
        {
            violations.Add(new($"{field}.cross_section_mm2", "must be positive"));
            ok = false;
        }

        return ok && material is { } m ? new ConductorSpec(spec.ConductorClass, m, spec.Coated || ConductorMaterials.NamesCoating(spec.Material), csa) : null;
    }

    private decimal Required(double value, string field) => Optional(value, field) ?? 0m;

    /// <summary>Zero means "not given"; any other value must be finite and fit a decimal (converted from its shortest round-trip text).</summary>
    private decimal? Optional(double value, string field)
    {
        if (value == 0d)
        {
            return null;
        }

        if (!double.IsFinite(value) || Math.Abs(value) > 1e20)
        {
            violations.Add(new(field, "must be a finite number of reasonable size"));
            return null;
        }

        return decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private T Invalid<T>(T fallback, string field, string description)
    {
        violations.Add(new(field, description));
        return fallback;
    }
}
