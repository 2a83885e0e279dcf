namespace CableTest.Domain.Risk;

/// <summary>
/// The distribution of one margin ratio over a group: count, extremes and the 10/25/50/75/90 % quantiles
/// (linear interpolation between order statistics: h = (n − 1)·q, x⌊h⌋ + (h − ⌊h⌋)(x⌈h⌉ − x⌊h⌋); Hyndman–Fan type 7).
/// Every statistic is null when the group has no value.
/// </summary>
public sealed record MarginDistribution(int Count, double? Min, double? P10, double? P25, double? Median, double? P75, double? P90, double? Max)
{
    public static MarginDistribution Empty { get; } = new(0, null, null, null, null, null, null, null);

    public static MarginDistribution Of(IEnumerable<double> ratios)
    {
        var sorted = ratios.ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        Array.Sort(sorted);
        return OfSorted(sorted);
    }

    /// <summary>The distribution of <paramref name="ratios"/>, sorted in a copy (the caller's order is kept).</summary>
    public static MarginDistribution OfUnsorted(ReadOnlySpan<double> ratios)
    {
        if (ratios.IsEmpty)
        {
            return Empty;
        }

        var sorted = ratios.ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted);
    }

    private static MarginDistribution OfSorted(double[] sorted) =>
        new(sorted.Length, sorted[0], Quantile(sorted, 0.10), Quantile(sorted, 0.25), Quantile(sorted, 0.5),
            Quantile(sorted, 0.75), Quantile(sorted, 0.90), sorted[^1]);

    /// <summary>The <paramref name="q"/> quantile of ascending <paramref name="sorted"/> (type 7); NaN when empty.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * Math.Clamp(q, 0, 1);
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }
}
