using System.Globalization;

namespace CableTest.Domain.Inputs;

/// <summary>
/// A finite number in a physical range: NaN, infinities and values outside the bounds are refused
/// before they reach a formula, a <see cref="decimal"/> conversion or a store.
/// </summary>
public sealed record PhysicalRange(string Unit, double Min, double Max, bool MinExclusive = false)
{
    /// <summary>True when <paramref name="value"/> is finite and within the range.</summary>
    public bool Contains(double value) =>
        double.IsFinite(value) && (MinExclusive ? value > Min : value >= Min) && value <= Max;

    /// <summary>The range in words: "a finite number in (0, 3500] mm²".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"a finite number in {(MinExclusive ? '(' : '[')}{Min:G}, {Max:G}] {Unit}");

    /// <summary>What is wrong with <paramref name="value"/> in words, or null when it is in range.</summary>
    public string? Problem(double value) => Contains(value) ? null : "must be " + Describe();
}
