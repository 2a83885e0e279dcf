namespace CableTest.Domain.Uncertainty;

/// <summary>
/// The limit of error of a measured length (the sample length between the potential terminals, or immersed), as a
/// half-width in millimetres with its source.
/// </summary>
/// <param name="HalfWidthMm">a, in mm (rectangular).</param>
/// <param name="Source">What it comes from, e.g. "steel tape class II, ±(0.3 + 0.2 L) mm".</param>
/// <param name="Tag">V2, V1, D, M or "lab" (the laboratory's own figure, e.g. from its calibration certificate).</param>
public sealed record LengthTolerance(decimal HalfWidthMm, string Source, string Tag)
{
    /// <summary>
    /// A measuring tape of accuracy class I, II or III over <paramref name="lengthM"/>: ±(a + b L) mm with L in metres
    /// rounded up to a whole metre; I: a 0.1, b 0.1; II: a 0.3, b 0.2; III: a 0.6, b 0.4 (OIML R 35-1, M: recalled,
    /// the a + bL form seen in EU directive 73/362/EEC, the coefficients not seen in a public copy).
    /// </summary>
    public static LengthTolerance Tape(int accuracyClass, decimal lengthM)
    {
        var (a, b) = accuracyClass switch
        {
            1 => (0.1m, 0.1m),
            2 => (0.3m, 0.2m),
            3 => (0.6m, 0.4m),
            _ => throw new ArgumentOutOfRangeException(nameof(accuracyClass), accuracyClass, "a tape is accuracy class 1, 2 or 3"),
        };
        var metres = Math.Ceiling(lengthM);
        return new(a + (b * metres), FormattableString.Invariant($"measuring tape class {accuracyClass}, ±({a} + {b} L) mm, L = {metres} m (OIML R 35-1)"), "M");
    }
}
