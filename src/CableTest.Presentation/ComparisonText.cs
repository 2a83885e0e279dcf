using System.Globalization;
using CableTest.Contracts.V1;

namespace CableTest.Presentation;

/// <summary>
/// A re-inspection comparison in words, one spelling for the CLI and the reports: "7.02 ± 0.06 Ω/km",
/// "En −0.80 consistent", "verdicts agree".
/// </summary>
public static class ComparisonText
{
    /// <summary>"conductor resistance, core 1, R20" — what a row is about.</summary>
    public static string Subject(QuantityComparison q)
    {
        var test = q.Test switch
        {
            TestKind.ConductorResistance => "conductor resistance",
            TestKind.InsulationResistance => "insulation resistance",
            TestKind.VoltageWithstand => "voltage withstand",
            _ => "test",
        };
        var quantity = q.Quantity switch
        {
            "r20_ohm_per_km" => "R20",
            "r_l_mohm_km" => "R·L",
            "ki_mohm_km" => "Ki",
            "rho_ohm_cm" => "ρ",
            "" => "",
            var other => other,
        };
        return quantity.Length == 0 ? $"{test}, core {q.Core}" : $"{test}, core {q.Core}, {quantity}";
    }

    /// <summary>"7.02 ± 0.06 Ω/km", "7.02 Ω/km (no U)", "—" when the side has no value.</summary>
    public static string Result(double? value, double? expandedUncertainty, string unit)
    {
        if (value is not { } v)
        {
            return "—";
        }

        var u = expandedUncertainty is { } e ? " ± " + EngineeringNumber.Format(e) : "";
        var withUnit = unit.Length == 0 ? "" : " " + unit;
        return expandedUncertainty is null ? $"{EngineeringNumber.Format(v)}{withUnit} (no U)" : $"{EngineeringNumber.Format(v)}{u}{withUnit}";
    }

    public static string A(QuantityComparison q) => q.HasValueA ? Result(q.ValueA, q.HasExpandedUncertaintyA ? q.ExpandedUncertaintyA : null, q.Unit) : "—";

    public static string B(QuantityComparison q) => q.HasValueB ? Result(q.ValueB, q.HasExpandedUncertaintyB ? q.ExpandedUncertaintyB : null, q.Unit) : "—";

    /// <summary>"En −0.80 consistent", "En 2.80 NOT consistent", "no uncertainty: En not computed", "verdicts only", "only in A".</summary>
    public static string Agreement(QuantityComparison q) => q.Agreement switch
    {
        "consistent" => $"En {En(q.NormalisedError)} consistent",
        "inconsistent" => $"En {En(q.NormalisedError)} NOT consistent",
        "no_uncertainty" => "no uncertainty: En not computed",
        "verdict_only" => "verdicts only",
        "only_in_a" => "only in A",
        "only_in_b" => "only in B",
        var other => other,
    };

    /// <summary>"verdicts agree (pass / pass)", "verdicts DIFFER (pass / fail)", "" when either side has no verdict.</summary>
    public static string Verdicts(QuantityComparison q) =>
        !q.HasVerdictsAgree ? ""
        : q.VerdictsAgree ? $"verdicts agree ({Outcome(q.OutcomeA)} / {Outcome(q.OutcomeB)})"
        : $"verdicts DIFFER ({Outcome(q.OutcomeA)} / {Outcome(q.OutcomeB)})";

    /// <summary>En to two decimals with a true minus sign: "−0.80".</summary>
    public static string En(double en) => en.ToString("0.00", CultureInfo.InvariantCulture).Replace('-', '−');

    /// <summary>The verdict of a comparison as a whole: "consistent: every |En| ≤ 1 (2 compared)" or why not.</summary>
    public static string Summary(CompareInspectionsResponse response)
    {
        var verdicts = !response.HasVerdictsAgree ? "" : response.VerdictsAgree ? "; overall verdicts agree" : "; overall verdicts DIFFER";
        if (response.Compared == 0)
        {
            return "nothing compared: no quantity with a value and an uncertainty on both sides" + verdicts;
        }

        return response.Consistent
            ? $"consistent: every |En| ≤ 1 ({response.Compared} compared){verdicts}"
            : $"NOT consistent: {string.Join(", ", response.Disagreeing)}{verdicts}";
    }

    public static string Outcome(Outcome outcome) => outcome switch
    {
        Contracts.V1.Outcome.Pass => "pass",
        Contracts.V1.Outcome.ConditionalPass => "conditional pass",
        Contracts.V1.Outcome.ConditionalFail => "conditional fail",
        Contracts.V1.Outcome.Fail => "fail",
        Contracts.V1.Outcome.Invalid => "invalid",
        Contracts.V1.Outcome.Inconclusive => "inconclusive",
        Contracts.V1.Outcome.Error => "error",
        Contracts.V1.Outcome.Retest => "retest",
        Contracts.V1.Outcome.Incomplete => "incomplete",
        _ => "none",
    };
}
