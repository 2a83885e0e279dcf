using CableTest.Contracts.V1;

namespace CableTest.Service.Reports;

/// <summary>
/// The chart of a test, whatever draws it (SVG in the HTML, vector lines in the PDF), over the step's instrument time:
/// conductor resistance per core, the insulation resistance over electrification time, the withstand voltage and
/// leakage current through ramp, dwell and ramp-down.
/// </summary>
internal sealed record ReportPlot(string XLabel, string LeftLabel, string? RightLabel, IReadOnlyList<SvgPlot.Series> Series)
{
    /// <summary>The test's chart from its readings; null with fewer than two.</summary>
    public static ReportPlot? For(TestVerdict t, IReadOnlyList<Reading> readings)
    {
        var ids = t.ReadingIds.ToHashSet(StringComparer.Ordinal);
        var mine = readings.Where(r => ids.Contains(r.ReadingId)).ToList();
        if (mine.Count < 2)
        {
            return null;
        }

        List<(double, double)> Points(string quantity) =>
            [.. mine.Where(r => r.Quantity == quantity).Select(r => (r.StepTimeS, r.Value))];

        return t.Kind switch
        {
            TestKind.InsulationResistance => new("electrification s", "MΩ", null,
                [new SvgPlot.Series("R MΩ", "#6a1b9a", Points("resistance_mohm"))]),
            TestKind.VoltageWithstand => new("s", "kV", "mA",
                [new SvgPlot.Series("kV", "#b3261e", Points("voltage_kv")), new SvgPlot.Series("mA", "#1565c0", Points("leakage_ma"), RightAxis: true)]),
            TestKind.ConductorResistance => new("s", "Ω", null,
                [.. mine.Where(r => r.Quantity == "resistance_ohm").GroupBy(r => r.Core).Select((core, k) => new SvgPlot.Series(
                    core.Key.Length > 0 ? $"R Ω, core {core.Key}" : "R Ω", CoreColors[k % CoreColors.Length], [.. core.Select(r => (r.StepTimeS, r.Value))]))]),
            _ => null,
        };
    }

    private static readonly string[] CoreColors = ["#14324a", "#b3261e", "#1b7f3b", "#a15c00", "#6a1b9a", "#00838f"];
}
