using CableTest.Contracts.V1;
using CableTest.Presentation;

namespace CableTest.Service.Reports;

/// <summary>The measured and corrected values of one test, with units and limits, as report rows.</summary>
internal static class ReportEvidence
{
    public static IEnumerable<ReportRow> Rows(TestVerdict t) => t.EvidenceCase switch
    {
        TestVerdict.EvidenceOneofCase.ConductorResistance => Conductor(t.ConductorResistance),
        TestVerdict.EvidenceOneofCase.InsulationResistance => Insulation(t.InsulationResistance),
        TestVerdict.EvidenceOneofCase.VoltageWithstand => Withstand(t.VoltageWithstand),
        _ => [],
    };

    public static string Conductor(ConductorSpec? c) => c is null
        ? ""
        : $"class {c.ConductorClass}, {c.Material}{(c.Coated ? " (metal-coated)" : "")}, {N(c.CrossSectionMm2)} mm²";

    private static IEnumerable<ReportRow> Conductor(ConductorResistanceEvidence c)
    {
        var source = string.IsNullOrWhiteSpace(c.TemperatureSource) ? "" : $" ({c.TemperatureSource})";
        return
        [
            new("Conductor · 导体", Conductor(c.Conductor)),
            new("Measured R_t · 实测电阻", $"{N(c.MeasuredResistanceOhm)} Ω over {N(c.LengthM)} m"),
            new("Temperature · 导体温度", $"{N(c.ConductorTemperatureC)} °C{source}"),
            new("R_t per km · 每千米电阻", $"{N(c.RtOhmPerKm)} Ω/km"),
            new("k_t", string.IsNullOrWhiteSpace(c.KtMethod) ? N(c.Kt) : $"{N(c.Kt)} ({c.KtMethod})"),
            new("R20 · 20 °C 电阻", $"{N(c.R20OhmPerKm)} Ω/km"),
            new(ReportLabels.Limit, $"≤ {N(c.LimitOhmPerKm)} Ω/km (acceptance ≤ {N(c.AcceptanceLimitOhmPerKm)} Ω/km)"),
        ];
    }

    private static IEnumerable<ReportRow> Insulation(InsulationResistanceEvidence i)
    {
        var unit = UnitText.Normalize(i.MinimumUnit);
        var rows = new List<ReportRow>
        {
            new("Cable type · 型号", i.CableType),
            new("Measured R · 实测绝缘电阻", $"{N(i.MeasuredResistanceMohm)} MΩ over {N(i.LengthM)} m"),
            new("Test conditions · 试验条件", $"{N(i.TestVoltageVDc)} V DC, {N(i.ElectrificationS)} s, {N(i.TestTemperatureC)} °C"),
            new("d / D", $"{N(i.ConductorDiameterMm)} mm / {N(i.InsulationOuterDiameterMm)} mm"),
        };
        if (i.HasRLMohmKm)
        {
            rows.Add(new("R·L", $"{N(i.RLMohmKm)} MΩ·km"));
        }

        if (i.HasKiMohmKm)
        {
            rows.Add(new("K_i", $"{N(i.KiMohmKm)} MΩ·km"));
        }

        if (i.HasRhoOhmCm)
        {
            rows.Add(new("ρ", $"{N(i.RhoOhmCm)} Ω·cm"));
        }

        rows.Add(new(ReportLabels.Limit, $"{i.Criterion} ≥ {N(i.Minimum)} {unit} (acceptance ≥ {N(i.AcceptanceLimit)} {unit})"));
        return rows;
    }

    private static IEnumerable<ReportRow> Withstand(VoltageWithstandEvidence v)
    {
        var rows = new List<ReportRow>
        {
            new("Rated voltage · 额定电压", v.RatedVoltage),
            new("Required · 要求", $"{v.VoltageKind} {N(v.RequiredKv)} kV for {N(v.RequiredS)} s (±{N(v.VoltageTolerancePct)} %)"
                + (v.HasLowerKv && v.HasUpperKv ? $", held between {N(v.LowerKv)} and {N(v.UpperKv)} kV" : "")),
            new("Applied · 施加", $"{N(v.AppliedKv)} kV, {N(v.FrequencyHz)} Hz, held {N(v.HeldS)} s" + (v.Interrupted ? " — dwell interrupted · 耐压中断" : "")),
            new("Leakage · 泄漏电流", $"max {N(v.MaxLeakageMa)} mA (limit {N(v.LeakageLimitMa)} mA)"),
            new("Tester outcome · 仪器结果", v.TesterOutcome),
        };
        if (v.HasDcAlternativeKv)
        {
            rows.Add(new("DC alternative · 直流替代", $"{N(v.DcAlternativeKv)} kV DC"));
        }

        if (v.Breakdown)
        {
            rows.Add(new("Breakdown · 击穿", $"{v.BreakdownLocation} at {(v.HasFailureVoltageKv ? N(v.FailureVoltageKv) : "?")} kV, {(v.HasFailureTimeS ? N(v.FailureTimeS) : "?")} s"));
        }

        return rows;
    }

    private static string N(double v) => EngineeringNumber.Format(v);
}
