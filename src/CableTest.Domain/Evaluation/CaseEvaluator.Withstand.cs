using System.Text.Json.Nodes;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Evaluation;

public sealed partial class CaseEvaluator
{
    private JsonObject VoltageWithstand(CaseFields f)
    {
        var rated = f.OptString("rated_voltage")
            ?? CableDescriptor.Parse(f.OptString("cable")).Rated?.ToString()
            ?? throw new CaseInputException("missing 'rated_voltage'");
        var kindName = f.OptString("voltage_kind") ?? "AC";
        var kind = kindName.Trim().ToUpperInvariant() switch
        {
            "AC" => VoltageKind.AC,
            "DC" => VoltageKind.DC,
            _ => throw new CaseInputException($"voltage_kind '{kindName}' is not AC or DC"),
        };
        var locationName = f.OptString("breakdown_location");
        var location = locationName?.Trim().ToUpperInvariant() switch
        {
            null or "" or "NONE" => BreakdownLocation.Unknown,
            "INSULATION" => BreakdownLocation.Insulation,
            "TERMINATION" or "TERMINAL" or "END" => BreakdownLocation.Termination,
            _ => throw new CaseInputException($"breakdown_location '{locationName}' is not insulation or termination"),
        };
        var input = new VoltageWithstandInput(rated, kind, f.Decimal("applied_kv"), f.Decimal("held_s"), f.OptBool("breakdown") ?? false)
        {
            FrequencyHz = f.OptDecimal("frequency_hz"),
            BreakdownLocation = location,
            RequiredKv = f.OptDecimal("required_kv"),
            RequiredS = f.OptDecimal("required_s"),
            VoltageTolerancePct = f.OptDecimal("voltage_tolerance_pct"),
            StandardFamily = f.OptString("standard_family") ?? FamilyOf(f.OptString("standard")),
            Interrupted = f.OptBool("interrupted") ?? false,
            MethodName = f.OptString("method"),
            BreakdownTimeS = f.OptDecimal("breakdown_time_s", "failure_time_s"),
            BreakdownKv = f.OptDecimal("breakdown_kv", "failure_voltage_kv"),
            Uncertainty = WithstandUncertainty(f),
        };
        return VerdictJson.ToJson(Engine.EvaluateVoltageWithstand(input));
    }

    /// <summary>"IEC 60227-3 / GB/T 5023.3-2008" -> "IEC 60227"; null when the text names no known family.</summary>
    internal static string? FamilyOf(string? standard)
    {
        if (standard is null)
        {
            return null;
        }

        if (standard.Contains("60502-2", StringComparison.Ordinal) || standard.Contains("12706.2", StringComparison.Ordinal))
        {
            return "IEC 60502-2";
        }

        if (standard.Contains("60502", StringComparison.Ordinal) || standard.Contains("12706", StringComparison.Ordinal))
        {
            return "IEC 60502-1";
        }

        return standard.Contains("60227", StringComparison.Ordinal) || standard.Contains("5023", StringComparison.Ordinal) ? "IEC 60227" : null;
    }
}
