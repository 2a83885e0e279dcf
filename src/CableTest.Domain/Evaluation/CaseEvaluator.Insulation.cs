using System.Text.Json.Nodes;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Evaluation;

public sealed partial class CaseEvaluator
{
    private JsonObject InsulationResistance(CaseFields f)
    {
        var standard = f.OptString("standard");
        var cable = CableDescriptor.Parse(f.OptString("cable"));
        var criterionName = f.OptString("criterion") ?? "R_L";
        if (!InsulationCriterionNames.TryParse(criterionName, out var criterion))
        {
            throw new CaseInputException($"criterion '{criterionName}' is not R_L, Ki or rho");
        }

        var spec = ProductSpecFor(cable);
        var cableType = f.OptString("cable_type", "compound")
            ?? CableDescriptor.FindCableType(standard)
            ?? cable.CableType
            ?? CableDescriptor.FindCompound(standard)
            ?? cable.Compound
            ?? spec?.InsulationResistanceKey
            ?? BarePvcUnder60502(standard, f.OptString("cable"))
            ?? throw new CaseInputException(ReasonCodes.NoLimitDefined,
                $"cannot tell which insulation-resistance table applies: name a 60227 type or an IEC 60502-1 compound in 'standard' or 'cable', or a catalogued product (cable '{f.OptString("cable")}')");
        var cls = (int?)f.OptDecimal("conductor_class", "class") ?? cable.ConductorClass
            ?? (spec?.ConductorClasses.Count == 1 ? spec.ConductorClasses[0] : null);
        var input = new InsulationResistanceInput(
            cableType,
            criterion,
            f.Decimal("measured_mohm", "measured_resistance_mohm"),
            f.Decimal("length_m"),
            f.Decimal("test_temp_c", "test_temperature_c"),
            f.Decimal("test_voltage_v_dc"),
            f.Decimal("electrification_s"),
            f.Decimal("conductor_diameter_mm"),
            f.Decimal("insulation_outer_diameter_mm"))
        {
            ConductorClass = cls,
            CrossSectionMm2 = f.OptDecimal("csa_mm2", "cross_section_mm2") ?? cable.CrossSectionMm2,
            MethodName = f.OptString("method"),
        };
        input = input with { Uncertainty = InsulationUncertainty(f, input.LengthM) };
        return VerdictJson.ToJson(Engine.EvaluateInsulationResistance(input, ReadRule(f)));
    }

    private ProductSpec? ProductSpecFor(CableDescriptor cable)
    {
        if (cable.ProductCode is null)
        {
            return null;
        }

        var specs = Engine.Catalogue.FindProductSpecs(cable.ProductCode, cable.Rated?.ToString());
        return specs.Count == 1 ? specs[0] : null;
    }

    private static string? BarePvcUnder60502(string? standard, string? cable) =>
        standard is not null
        && (standard.Contains("60502", StringComparison.Ordinal) || standard.Contains("12706", StringComparison.Ordinal))
        && ((cable ?? "") + " " + standard).Contains("PVC", StringComparison.OrdinalIgnoreCase)
            ? "PVC/A"
            : null;
}
