using System.Text.RegularExpressions;
using CableTest.Presentation;

namespace CableTest.Cli.Remote;

/// <summary>
/// The service names a bad request field by its proto name (google.rpc.BadRequest, e.g. <c>cross_section_mm2</c>);
/// a person typed a flag (<c>--csa</c>). One instance per command maps the one to the other and words the
/// violation as "--csa must be a positive cross-section", naming the fix where the service's text names an RPC.
/// </summary>
internal sealed partial class FieldFlags(IReadOnlyDictionary<string, string> flags)
{
    /// <summary>No flags: field names are shown as the service gives them.</summary>
    public static readonly FieldFlags None = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>`run`: RegisterSampleRequest and StartRunRequest fields.</summary>
    public static readonly FieldFlags Run = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sample_id"] = "--sample",
        ["spec_id"] = "--spec",
        ["cross_section_mm2"] = "--csa",
        ["cores"] = "--cores",
        ["length_m"] = "--length",
        ["conductor_class"] = "--class",
        ["conductor_diameter_mm"] = "--d",
        ["insulation_outer_diameter_mm"] = "--D",
        ["lims_order"] = "--lims-order",
        ["operator_name"] = "--operator",
        ["description"] = "description (in --file)",
    });

    /// <summary>`verdicts list`: ListVerdictsRequest fields.</summary>
    public static readonly FieldFlags VerdictsList = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sample_id"] = "--sample",
        ["lims_order"] = "--order",
        ["outcomes"] = "--verdict",
        ["evaluated_from"] = "--from",
        ["evaluated_to"] = "--to",
        ["page_size"] = "--limit",
    });

    /// <summary>`risk`: GetRiskSummaryRequest fields.</summary>
    public static readonly FieldFlags Risk = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["manufacturer"] = "--manufacturer",
        ["spec_id"] = "--spec",
        ["evaluated_from"] = "--from",
    });

    /// <summary>Commands that take a RUN_ID argument (watch, report, replay, verdicts show).</summary>
    public static readonly FieldFlags RunId = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["run_id"] = "RUN_ID",
        ["sample_id"] = "--sample",
        ["kt_method"] = "--kt-method",
        ["decision_rule"] = "--rule",
        ["standard_edition"] = "--edition",
        ["guard_band"] = "--guard-band",
        ["expanded_uncertainty"] = "--uncertainty",
        ["uncertainty_source"] = "--uncertainty",
        ["coverage_factor"] = "--coverage",
        ["kind"] = "--rule",
    });

    /// <summary>`compare`: CompareInspectionsRequest fields.</summary>
    public static readonly FieldFlags Compare = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["run_a"] = "RUN_A",
        ["run_b"] = "RUN_B",
        ["external_results"] = "--external",
    });

    /// <summary>The flag for <paramref name="field"/> (its last path segment), or the field itself when this command has none.</summary>
    public string Flag(string field)
    {
        if (field.StartsWith(SamplingRecordPrefix, StringComparison.Ordinal) && this == Run)
        {
            return "samplingRecord." + JsonName(field[SamplingRecordPrefix.Length..]) + " (in --file)";
        }

        var name = field[(field.LastIndexOf('.') + 1)..];
        return flags.TryGetValue(name, out var flag) ? flag : field;
    }

    /// <summary>"--csa must be a positive cross-section", "--spec: unknown product spec ... (`cabletest specs` lists them)".</summary>
    public string Describe(string field, string description)
    {
        var flag = Flag(field);
        var text = UnitText.Normalize(description.Trim());
        text = text.Replace("(ListProductSpecs names them)", "(`cabletest specs` lists them)", StringComparison.Ordinal)
            .Replace("give the class", "give --class", StringComparison.Ordinal);
        if (flag == "--spec" && text.Contains("give --class", StringComparison.Ordinal))
        {
            flag = "--class"; // the spec allows several conductor classes: what is missing is --class
        }

        text = FieldPattern().Replace(text, m => flags.TryGetValue(m.Value, out var f) ? f : m.Value);
        if (text == "required")
        {
            return flag + " is required";
        }

        return text.StartsWith("must ", StringComparison.Ordinal) || text.StartsWith("is ", StringComparison.Ordinal) || text.StartsWith("required", StringComparison.Ordinal)
            ? $"{flag} {(text.StartsWith("required", StringComparison.Ordinal) ? "is " : "")}{text}"
            : $"{flag}: {text}";
    }

    private const string SamplingRecordPrefix = "sampling_record.";

    /// <summary>A proto field name as protobuf JSON spells it in a --file: seal_number → sealNumber.</summary>
    private static string JsonName(string protoName)
    {
        var parts = protoName.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? "" : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    [GeneratedRegex(@"\b[a-z]+(?:_[a-z0-9]+)+\b")]
    private static partial Regex FieldPattern();
}
