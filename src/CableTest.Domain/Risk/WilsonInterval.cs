namespace CableTest.Domain.Risk;

/// <summary>
/// Wilson score interval for a proportion (E. B. Wilson, 1927): with p = x/n and z the normal quantile,
/// centre = (p + z²/2n) / (1 + z²/n), half width = z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²).
/// Unlike p ± z√(p(1−p)/n) it stays inside [0, 1] and is not empty at 0 or n failures.
/// </summary>
public readonly record struct WilsonInterval(double Lower, double Upper)
{
    /// <summary>z for a two-sided 95 % interval (the 97.5 % normal quantile).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The 95 % interval of <paramref name="failures"/> in <paramref name="trials"/>; [0, 1] when there are no trials.</summary>
    public static WilsonInterval Of(int failures, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(failures, trials);
        if (trials == 0)
        {
            return new WilsonInterval(0, 1);
        }

        double n = trials;
        var p = failures / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new WilsonInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
