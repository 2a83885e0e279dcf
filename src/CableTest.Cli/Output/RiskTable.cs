using System.Globalization;
using System.Text;
using CableTest.Contracts.V1;

namespace CableTest.Cli.Output;

/// <summary>A risk summary as text: one table per grouping (samples, failures, rate with its Wilson interval, R20/limit and insulation quantiles), then the warnings.</summary>
internal static class RiskTable
{
    public static string Format(GetRiskSummaryResponse summary)
    {
        var text = new StringBuilder();
        var rules = summary.Rules;
        text.Append(CultureInfo.InvariantCulture,
            $"Rules: at least {rules.MinimumSamples} samples; over the last {rules.WindowSamples}: median R20/limit > {Optional(rules.HasConductorMedianRatioAbove, rules.ConductorMedianRatioAbove, "0.000")}, ")
            .Append(CultureInfo.InvariantCulture,
            $"median insulation R/min < {Optional(rules.HasInsulationMedianRatioBelow, rules.InsulationMedianRatioBelow, "0.0##")}; failure rate lower bound > {(rules.HasFailureRateLowerBoundAbove ? Percent(rules.FailureRateLowerBoundAbove) : "off")}")
            .AppendLine();
        Table(text, "By manufacturer", "MANUFACTURER", summary.ByManufacturer);
        Table(text, "By product spec", "SPEC", summary.BySpec);
        text.AppendLine();
        if (summary.Warnings.Count == 0)
        {
            text.AppendLine("No warnings.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Warnings ({summary.Warnings.Count}):").AppendLine();
            foreach (var warning in summary.Warnings)
            {
                text.Append("  ! ").Append(warning.Message).Append(" [").Append(warning.Rule).Append(']').AppendLine();
            }
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, string keyHeader, IReadOnlyCollection<RiskGroup> groups)
    {
        text.AppendLine().AppendLine(title);
        if (groups.Count == 0)
        {
            text.AppendLine("  (no sampled verdicts)");
            return;
        }

        var width = Math.Max(keyHeader.Length, groups.Max(g => g.Key.Length));
        text.Append("  ").Append(keyHeader.PadRight(width))
            .AppendLine("  SAMPLES  FAIL   RATE  WILSON 95 %        R20/LIMIT p10 / MEDIAN / p90 / MAX  INS/MIN MEDIAN  WARN");
        foreach (var g in groups)
        {
            var c = g.ConductorR20Ratio;
            var conductor = c.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{c.P10:0.000} / {c.Median:0.000} / {c.P90:0.000} / {c.Max:0.000}");
            var insulation = g.InsulationRatio.Count == 0 ? "-" : g.InsulationRatio.Median.ToString("0.0", CultureInfo.InvariantCulture);
            var rate = g.HasFailureRate ? Percent(g.FailureRate) : "-";
            var interval = $"[{Percent(g.FailureRateLower)}, {Percent(g.FailureRateUpper)}]";
            text.Append("  ").Append(g.Key.PadRight(width))
                .Append(CultureInfo.InvariantCulture, $"  {g.SampleCount,7}  {g.FailureCount,4}  {rate,6}  {interval,-17}  {conductor,-32}  {insulation,14}  {(g.Warnings.Count == 0 ? "" : "!" + g.Warnings.Count.ToString(CultureInfo.InvariantCulture))}")
                .AppendLine();
        }
    }

    private static string Optional(bool has, double value, string format) => has ? value.ToString(format, CultureInfo.InvariantCulture) : "off";

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
