using System.Globalization;
using System.Runtime.InteropServices;

namespace CableTest.Domain.Risk;

/// <summary>
/// One group's figures gathered in a single pass over its samples (one per sample, oldest first): counts, the margin
/// values in time order (so the last N present are the list's tail, and each month's are a contiguous range) and the
/// months' boundaries. <see cref="Build"/> sorts each list once for the distribution and once per window and month.
/// </summary>
internal sealed class RiskGroupBuilder(RiskGroupKind kind, string key)
{
    private readonly List<double> conductor = [];
    private readonly List<double> insulation = [];
    private readonly List<Month> months = [];
    private int count, decided, failures;

    public void Add(RiskObservation sample)
    {
        count++;
        if (sample.IsDecided)
        {
            decided++;
        }

        if (sample.IsFailure)
        {
            failures++;
        }

        var month = MonthIndex(sample.EvaluatedAt);
        if (months.Count == 0 || months[^1].Index != month)
        {
            months.Add(new Month(month, conductor.Count, insulation.Count));
        }

        var current = months[^1];
        current.Samples++;
        current.Failures += sample.IsFailure ? 1 : 0;
        if (sample.ConductorR20Ratio is { } c)
        {
            conductor.Add(c);
        }

        if (sample.InsulationRatio is { } i)
        {
            insulation.Add(i);
        }

        current.ConductorEnd = conductor.Count;
        current.InsulationEnd = insulation.Count;
    }

    public RiskGroup Build(RiskRules rules)
    {
        var conductorValues = CollectionsMarshal.AsSpan(conductor);
        var insulationValues = CollectionsMarshal.AsSpan(insulation);
        var warnings = new List<RiskWarning>();
        if (count >= rules.MinimumSamples)
        {
            Judge(rules, conductorValues, insulationValues, warnings);
        }

        var trend = new List<RiskTrendPoint>(months.Count);
        foreach (var m in months)
        {
            trend.Add(new RiskTrendPoint(Period(m.Index), m.Samples, m.Failures,
                Median(conductorValues[m.ConductorStart..m.ConductorEnd]), Median(insulationValues[m.InsulationStart..m.InsulationEnd])));
        }

        return new RiskGroup(kind, key, count, decided, failures,
            decided == 0 ? null : (double)failures / decided,
            WilsonInterval.Of(failures, decided),
            MarginDistribution.OfUnsorted(conductorValues),
            MarginDistribution.OfUnsorted(insulationValues),
            trend,
            warnings);
    }

    private void Judge(RiskRules rules, ReadOnlySpan<double> conductorValues, ReadOnlySpan<double> insulationValues, List<RiskWarning> warnings)
    {
        var who = kind == RiskGroupKind.Manufacturer ? $"manufacturer {key}" : $"product spec {key}";
        if (rules.ConductorMedianRatioAbove is { } conductorLimit && conductorValues.Length > 0)
        {
            var window = conductorValues[Math.Max(0, conductorValues.Length - rules.WindowSamples)..];
            var median = Median(window)!.Value;
            if (median > conductorLimit)
            {
                warnings.Add(new RiskWarning(RiskRuleNames.ConductorMarginThin, kind, key, median, conductorLimit,
                    $"{who}: median conductor R20/limit over the last {window.Length} samples is {Format(median)}, above {Format(conductorLimit)} — passing, but just (copper-saving?)"));
            }
        }

        if (rules.InsulationMedianRatioBelow is { } insulationLimit && insulationValues.Length > 0)
        {
            var window = insulationValues[Math.Max(0, insulationValues.Length - rules.WindowSamples)..];
            var median = Median(window)!.Value;
            if (median < insulationLimit)
            {
                warnings.Add(new RiskWarning(RiskRuleNames.InsulationMarginThin, kind, key, median, insulationLimit,
                    $"{who}: median insulation resistance/minimum over the last {window.Length} samples is {Format(median)}, below {Format(insulationLimit)}"));
            }
        }

        if (rules.FailureRateLowerBoundAbove is { } rateLimit && decided > 0)
        {
            var lower = WilsonInterval.Of(failures, decided).Lower;
            if (lower > rateLimit)
            {
                warnings.Add(new RiskWarning(RiskRuleNames.FailureRateHigh, kind, key, lower, rateLimit,
                    $"{who}: {failures} of {decided} samples failed; the failure rate is at least {Percent(lower)} (Wilson 95 % lower bound), above {Percent(rateLimit)}"));
            }
        }
    }

    /// <summary>The median of <paramref name="values"/> (sorted in a copy; the time order is kept); null when empty.</summary>
    private static double? Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return null;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return MarginDistribution.Quantile(sorted, 0.5);
    }

    /// <summary>Year × 12 + month (UTC), an integer: formatting "yyyy-MM" per sample cost more than the rest of the trend.</summary>
    private static int MonthIndex(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return (utc.Year * 12) + utc.Month - 1;
    }

    private static string Period(int monthIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"{monthIndex / 12:D4}-{(monthIndex % 12) + 1:D2}");

    private static string Format(double ratio) => ratio.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A UTC month of the group: its samples and failures, and its range of each value list.</summary>
    private sealed class Month(int index, int conductorStart, int insulationStart)
    {
        public int Index { get; } = index;

        public int ConductorStart { get; } = conductorStart;

        public int InsulationStart { get; } = insulationStart;

        public int ConductorEnd { get; set; } = conductorStart;

        public int InsulationEnd { get; set; } = insulationStart;

        public int Samples { get; set; }

        public int Failures { get; set; }
    }
}
