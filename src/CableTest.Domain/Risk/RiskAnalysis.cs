namespace CableTest.Domain.Risk;

/// <summary>
/// Risk early warning over sampled verdicts: each sample counts once, by its latest verdict (a re-test replaces the
/// first result); groups per product spec and per manufacturer; warnings from <see cref="RiskRules"/>. One pass over
/// the observations, one sort of the samples (skipped when they come in time order), one pass to group them.
/// </summary>
public static class RiskAnalysis
{
    private static readonly Comparison<RiskObservation> ByTime = (a, b) =>
    {
        var byTime = a.EvaluatedAt.CompareTo(b.EvaluatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.SampleId, b.SampleId);
    };

    public static RiskSummary Summarize(IEnumerable<RiskObservation> observations, RiskRules rules)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(rules);
        var latest = new Dictionary<string, RiskObservation>(observations.TryGetNonEnumeratedCount(out var n) ? n : 0, StringComparer.Ordinal);
        foreach (var observation in observations)
        {
            ref var seen = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(latest, observation.SampleId, out var exists);
            if (!exists || observation.EvaluatedAt >= seen!.EvaluatedAt)
            {
                seen = observation;
            }
        }

        var samples = new RiskObservation[latest.Count];
        latest.Values.CopyTo(samples, 0);
        if (!InOrder(samples))
        {
            Array.Sort(samples, ByTime);
        }

        var bySpec = new Dictionary<string, RiskGroupBuilder>(StringComparer.Ordinal);
        var byManufacturer = new Dictionary<string, RiskGroupBuilder>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            Builder(bySpec, RiskGroupKind.Spec, sample.SpecId).Add(sample);
            Builder(byManufacturer, RiskGroupKind.Manufacturer, sample.Manufacturer).Add(sample);
        }

        return new RiskSummary(Build(bySpec, rules), Build(byManufacturer, rules));
    }

    /// <summary>One group's figures and warnings; <paramref name="samples"/> one per sample, oldest first.</summary>
    public static RiskGroup Group(RiskGroupKind kind, string key, IReadOnlyList<RiskObservation> samples, RiskRules rules)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(rules);
        var builder = new RiskGroupBuilder(kind, key);
        foreach (var sample in samples)
        {
            builder.Add(sample);
        }

        return builder.Build(rules);
    }

    private static bool InOrder(RiskObservation[] samples)
    {
        for (var i = 1; i < samples.Length; i++)
        {
            if (ByTime(samples[i - 1], samples[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static RiskGroupBuilder Builder(Dictionary<string, RiskGroupBuilder> groups, RiskGroupKind kind, string key)
    {
        ref var builder = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out _);
        return builder ??= new RiskGroupBuilder(kind, key);
    }

    private static List<RiskGroup> Build(Dictionary<string, RiskGroupBuilder> groups, RiskRules rules)
    {
        var keys = new string[groups.Count];
        groups.Keys.CopyTo(keys, 0);
        Array.Sort(keys, StringComparer.Ordinal);
        var result = new List<RiskGroup>(keys.Length);
        foreach (var key in keys)
        {
            result.Add(groups[key].Build(rules));
        }

        return result;
    }
}
