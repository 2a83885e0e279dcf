using CableTest.Presentation;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Dashboard;

/// <summary>
/// One measurement on the station view: the compared value with its unit, the limit, the margin to it and the outcome,
/// and for a test that did not pass the reason in the words the reports use (<see cref="VerdictReason"/>, <see cref="TestValues"/>).
/// </summary>
/// <param name="Quantity">What the criterion compares: "R20", "R_L", "Ki", "rho", "U".</param>
/// <param name="Value">The compared value in <paramref name="Unit"/>; null when none was computed.</param>
/// <param name="Limit">The limit in <paramref name="Unit"/> (maximum for R20, minimum for insulation, required level for U).</param>
/// <param name="LimitText">The limit as the reports write it ("≤ 7.41 Ω/km").</param>
/// <param name="MeasuredText">The measured value as the reports write it.</param>
/// <param name="MarginPct">Headroom to the limit in % of the limit (negative: beyond it); null without a value or limit.</param>
/// <param name="Outcome">Proto enum name, e.g. "OUTCOME_FAIL".</param>
/// <param name="Reason">Why it did not pass; empty for a pass.</param>
/// <param name="ReasonZh">The same in Chinese where it is made from the evidence (<see cref="VerdictReason.ChineseFor"/>).</param>
/// <param name="ChartLines">Limit lines for this test's chart, in the chart's unit (the conductor maximum at the test temperature in Ω, the withstand window in kV).</param>
internal sealed record DashboardRow(
    string TestId,
    string Kind,
    string Core,
    string Quantity,
    double? Value,
    string Unit,
    double? Limit,
    string LimitText,
    string MeasuredText,
    double? MarginPct,
    string Outcome,
    string Reason,
    string ReasonZh,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<DashboardChartLine> ChartLines)
{
    public static DashboardRow From(V1.TestVerdict test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var (measured, limitText) = TestValues.Of(test);
        var (quantity, value, unit, limit, margin, lines) = test.EvidenceCase switch
        {
            V1.TestVerdict.EvidenceOneofCase.ConductorResistance => Conductor(test.ConductorResistance),
            V1.TestVerdict.EvidenceOneofCase.InsulationResistance => Insulation(test.InsulationResistance),
            V1.TestVerdict.EvidenceOneofCase.VoltageWithstand => Withstand(test.VoltageWithstand),
            _ => ("", (double?)null, "", (double?)null, (double?)null, (IReadOnlyList<DashboardChartLine>)[]),
        };
        return new DashboardRow(test.TestId, ProtoNames.Of(test.Kind), test.Core, quantity, value, unit, limit, limitText, measured, margin,
            ProtoNames.Of(test.Outcome), VerdictReason.For(test), VerdictReason.ChineseFor(test), [.. test.Warnings.Select(UnitText.Normalize)], lines);
    }

    private static (string, double?, string, double?, double?, IReadOnlyList<DashboardChartLine>) Conductor(V1.ConductorResistanceEvidence e)
    {
        var limit = e.LimitOhmPerKm > 0 ? e.LimitOhmPerKm : (double?)null;
        var value = Finite(e.R20OhmPerKm);
        var margin = value is { } v && limit is { } l ? (l - v) / l * 100 : (double?)null;
        // The maximum as a reading of this specimen at the test temperature: R20 = Rt × kt × 1000 / L, so Rt ≤ limit × L / (1000 kt).
        IReadOnlyList<DashboardChartLine> lines = limit is { } max && e.Kt > 0 && e.LengthM > 0
            ? [new DashboardChartLine("resistance_ohm", max * e.LengthM / 1000 / e.Kt, "max")]
            : [];
        return ("R20", value, "Ω/km", limit, margin, lines);
    }

    private static (string, double?, string, double?, double?, IReadOnlyList<DashboardChartLine>) Insulation(V1.InsulationResistanceEvidence e)
    {
        var (raw, unit) = TestValues.InsulationValue(e);
        var value = Finite(raw);
        var limit = e.Minimum > 0 ? e.Minimum : (double?)null;
        var margin = value is { } v && limit is { } l ? (v - l) / l * 100 : (double?)null;
        return (e.Criterion, value, UnitText.Normalize(unit), limit, margin, []);
    }

    private static (string, double?, string, double?, double?, IReadOnlyList<DashboardChartLine>) Withstand(V1.VoltageWithstandEvidence e)
    {
        var value = Finite(e.AppliedKv);
        var limit = e.RequiredKv > 0 ? e.RequiredKv : (double?)null;
        var lower = e.HasLowerKv ? e.LowerKv : limit is { } r ? r * (1 - (e.VoltageTolerancePct / 100)) : (double?)null;
        var margin = value is { } v && lower is { } low && limit is { } req ? (v - low) / req * 100 : (double?)null;
        var lines = new List<DashboardChartLine>();
        if (lower is { } lo)
        {
            lines.Add(new DashboardChartLine("voltage_kv", lo, "min"));
        }

        if (e.HasUpperKv)
        {
            lines.Add(new DashboardChartLine("voltage_kv", e.UpperKv, "max"));
        }

        return ("U", value, "kV", limit, margin, lines);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
