namespace CableTest.HardwareSim.Physics;

/// <summary>Gaussian draws and instrument resolution over a seeded <see cref="Random"/>.</summary>
public static class Noise
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Rounds <paramref name="value"/> to a multiple of <paramref name="resolution"/> (no-op when ≤ 0).</summary>
    public static double Quantize(double value, double resolution) =>
        resolution > 0 ? Math.Round(value / resolution, MidpointRounding.AwayFromZero) * resolution : value;

    /// <summary>Rounds to <paramref name="digits"/> significant digits.</summary>
    public static double SignificantDigits(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        var magnitude = Math.Floor(Math.Log10(Math.Abs(value))) + 1 - digits;
        return Quantize(value, Math.Pow(10, magnitude));
    }
}
