using System.Globalization;

using CableTest.Domain.Risk;

namespace CableTest.Domain.Tests.Risk;

/// <summary>
/// The risk analysis as it was written first (LINQ, a sort and several passes per group): the reference the one-pass
/// <see cref="RiskAnalysis"/> must agree with, figure for figure (RiskAnalysisEquivalenceTests).
/// </summary>
internal static class ReferenceRiskAnalysis
{
    public static RiskSummary Summarize(IEnumerable<RiskObservation> observations, RiskRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var latest = new Dictionary<string, RiskObservation>(StringComparer.Ordinal);
        foreach (var observation in observations)
        {
            if (!latest.TryGetValue(observation.SampleId, out var seen) || observation.EvaluatedAt >= seen.EvaluatedAt)
            {
                latest[observation.SampleId] = observation;
            }
        }

        var samples = latest.Values.OrderBy(o => o.EvaluatedAt).ThenBy(o => o.SampleId, StringComparer.Ordinal).ToList();
        return new RiskSummary(
            Groups(samples, RiskGroupKind.Spec, o => o.SpecId, rules),
            Groups(samples, RiskGroupKind.Manufacturer, o => o.Manufacturer, rules));
    }

    /// <summary>One group's figures and warnings; <paramref name="samples"/> one per sample, oldest first.</summary>
    private static RiskGroup Group(RiskGroupKind kind, string key, IReadOnlyList<RiskObservation> samples, RiskRules rules)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var decided = samples.Count(o => o.IsDecided);
        var failures = samples.Count(o => o.IsFailure);
        var warnings = new List<RiskWarning>();
        if (samples.Count >= rules.MinimumSamples)
        {
            Judge(kind, key, samples, decided, failures, rules, warnings);
        }

        return new RiskGroup(kind, key, samples.Count, decided, failures,
            decided == 0 ? null : (double)failures / decided,
            WilsonInterval.Of(failures, decided),
            MarginDistribution.Of(samples.Where(o => o.ConductorR20Ratio.HasValue).Select(o => o.ConductorR20Ratio!.Value)),
            MarginDistribution.Of(samples.Where(o => o.InsulationRatio.HasValue).Select(o => o.InsulationRatio!.Value)),
            Trend(samples),
            warnings);
    }

    private static List<RiskGroup> Groups(List<RiskObservation> samples, RiskGroupKind kind, Func<RiskObservation, string> key, RiskRules rules) =>
        samples.GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(kind, g.Key, g.ToList(), rules))
            .ToList();

    private static void Judge(RiskGroupKind kind, string key, IReadOnlyList<RiskObservation> samples, int decided, int failures, RiskRules rules,
        List<RiskWarning> warnings)
    {
        var who = kind == RiskGroupKind.Manufacturer ? $"manufacturer {key}" : $"product spec {key}";
        if (rules.ConductorMedianRatioAbove is { } conductorLimit
            && WindowMedian(samples, o => o.ConductorR20Ratio, rules.WindowSamples) is { } conductor && conductor.Median > conductorLimit)
        {
            warnings.Add(new RiskWarning(RiskRuleNames.ConductorMarginThin, kind, key, conductor.Median, conductorLimit,
                $"{who}: median conductor R20/limit over the last {conductor.Count} samples is {Format(conductor.Median)}, above {Format(conductorLimit)} — passing, but just (copper-saving?)"));
        }

        if (rules.InsulationMedianRatioBelow is { } insulationLimit
            && WindowMedian(samples, o => o.InsulationRatio, rules.WindowSamples) is { } insulation && insulation.Median < insulationLimit)
        {
            warnings.Add(new RiskWarning(RiskRuleNames.InsulationMarginThin, kind, key, insulation.Median, insulationLimit,
                $"{who}: median insulation resistance/minimum over the last {insulation.Count} samples is {Format(insulation.Median)}, below {Format(insulationLimit)}"));
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

    /// <summary>The median of the last <paramref name="window"/> values present (oldest-first input), with how many it took; null when none.</summary>
    private static (double Median, int Count)? WindowMedian(IReadOnlyList<RiskObservation> samples, Func<RiskObservation, double?> ratio, int window)
    {
        var values = new List<double>(Math.Min(window, samples.Count));
        for (var i = samples.Count - 1; i >= 0 && values.Count < window; i--)
        {
            if (ratio(samples[i]) is { } value)
            {
                values.Add(value);
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        return (MarginDistribution.Quantile(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values), 0.5), values.Count);
    }

    /// <summary>Grouped by year × 12 + month (UTC), an integer: formatting "yyyy-MM" per sample cost more than the rest of the trend.</summary>
    private static List<RiskTrendPoint> Trend(IReadOnlyList<RiskObservation> samples) =>
        samples.GroupBy(o => MonthIndex(o.EvaluatedAt))
            .OrderBy(g => g.Key)
            .Select(g => new RiskTrendPoint(Period(g.Key), g.Count(), g.Count(o => o.IsFailure),
                MarginDistribution.Of(g.Where(o => o.ConductorR20Ratio.HasValue).Select(o => o.ConductorR20Ratio!.Value)).Median,
                MarginDistribution.Of(g.Where(o => o.InsulationRatio.HasValue).Select(o => o.InsulationRatio!.Value)).Median))
            .ToList();

    private static int MonthIndex(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return (utc.Year * 12) + utc.Month - 1;
    }

    private static string Period(int monthIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"{monthIndex / 12:D4}-{(monthIndex % 12) + 1:D2}");

    private static string Format(double ratio) => ratio.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
