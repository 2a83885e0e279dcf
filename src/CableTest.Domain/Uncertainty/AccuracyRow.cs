namespace CableTest.Domain.Uncertainty;

/// <summary>
/// One range of an instrument's accuracy specification: the limit of error ±(ReadingPct % of the reading +
/// RangePct % of the range + Offset + Digits × Resolution), all in the unit of the quantity, and the resolution
/// (least significant digit) on that range. Tag and source ids say how the row is backed, as in the standards
/// data: V2, V1, D, M (from memory or unconfirmed: flagged in the verdict) or sim (the simulator's own).
/// </summary>
/// <param name="RangeMax">Full scale of the range (the range's name: 1 for the 1 Ω range).</param>
/// <param name="Resolution">Least significant digit on this range.</param>
/// <param name="ReadingPct">Percent of the reading (or of the setting, for a source).</param>
/// <param name="RangePct">Percent of the range.</param>
/// <param name="Offset">A fixed term in the quantity's unit (e.g. 100 pA).</param>
/// <param name="Digits">Counts of the least significant digit.</param>
/// <param name="Tag">V2, V1, D, M or sim.</param>
/// <param name="SourceIds">Ids of the profile's accuracy sources that back the row.</param>
public sealed record AccuracyRow(
    decimal RangeMax,
    decimal Resolution,
    decimal ReadingPct,
    decimal RangePct,
    decimal Offset,
    int Digits,
    string Tag,
    IReadOnlyList<string> SourceIds)
{
    /// <summary>Tags a row may carry.</summary>
    public static IReadOnlyList<string> Tags { get; } = ["V2", "V1", "D", "M", "sim"];

    /// <summary>False for M rows (not confirmed by a public source): the budget and the verdict say so.</summary>
    public bool Verified => Tag != "M";

    /// <summary>The half-width a of the limit of error at <paramref name="reading"/> (in the quantity's unit).</summary>
    public double HalfWidth(double reading) =>
        (Math.Abs(reading) * (double)ReadingPct / 100d) + ((double)RangeMax * (double)RangePct / 100d) + (double)Offset + (Digits * (double)Resolution);

    /// <summary>e.g. "±(0.0085 % rdg + 0.02 % range)" with only the terms the row has.</summary>
    public string Describe(string unit)
    {
        var terms = new List<string>();
        if (ReadingPct != 0m)
        {
            terms.Add(FormattableString.Invariant($"{DecimalText.Trim(ReadingPct)} % rdg"));
        }

        if (RangePct != 0m)
        {
            terms.Add(FormattableString.Invariant($"{DecimalText.Trim(RangePct)} % range"));
        }

        if (Offset != 0m)
        {
            terms.Add(FormattableString.Invariant($"{DecimalText.Trim(Offset)} {unit}"));
        }

        if (Digits != 0)
        {
            terms.Add(FormattableString.Invariant($"{Digits} dgt"));
        }

        return terms.Count == 0 ? "±0" : $"±({string.Join(" + ", terms)})";
    }
}
