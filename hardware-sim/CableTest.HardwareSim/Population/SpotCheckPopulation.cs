namespace CableTest.HardwareSim.Population;

/// <summary>
/// A realistic provincial spot-check population for risk early warning (tests and demos): four manufacturers of PVC
/// building wire, three comfortably below the conductor resistance limit and one copper-saving (R20 at 97–100 % of the
/// limit, now and then just over it). Deterministic for a seed.
/// </summary>
public static class SpotCheckPopulation
{
    public const string CopperSaver = "Jinsheng Wire & Cable";

    /// <summary>The manufacturers: three comfortable, <see cref="CopperSaver"/> copper-saving.</summary>
    public static IReadOnlyList<ManufacturerProfile> Manufacturers { get; } =
    [
        new("Huadian Cable Co.", 0.88, 0.95, 0, 30, 400),
        new("Xinyuan Wire Works", 0.90, 0.955, 0, 20, 300),
        new("Lianhe Cable Group", 0.86, 0.94, 0.01, 25, 350),
        new(CopperSaver, 0.97, 1.00, 0.06, 15, 200),
    ];

    /// <summary>GB/T 5023 (IEC 60227) building wire; maxima from IEC 60228 Tables 1 and 3 (plain copper); R_L minimum of 60227 IEC 01 at 70 °C.</summary>
    public static IReadOnlyList<SpotCheckProduct> Products { get; } =
    [
        new("gbt5023.3-227iec01-bv-450/750", 1, 1.5, 12.1, 0.011),
        new("gbt5023.3-227iec01-bv-450/750", 1, 2.5, 7.41, 0.010),
        new("gbt5023.3-227iec01-bv-450/750", 1, 4, 4.61, 0.0085),
        new("gbt5023.5-227iec02-rv-450/750", 5, 1.5, 13.3, 0.010),
    ];

    /// <summary><paramref name="samplesPerManufacturer"/> samples each, tested over the 180 days before <paramref name="end"/>, interleaved in time.</summary>
    public static IReadOnlyList<SpotCheckSample> Generate(int samplesPerManufacturer, DateTimeOffset end, int seed = 13)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samplesPerManufacturer);
        var random = new Random(seed);
        var samples = new List<SpotCheckSample>(samplesPerManufacturer * Manufacturers.Count);
        for (var m = 0; m < Manufacturers.Count; m++)
        {
            var maker = Manufacturers[m];
            for (var i = 0; i < samplesPerManufacturer; i++)
            {
                var product = Products[random.Next(Products.Count)];
                var ratio = random.NextDouble() < maker.FailProbability
                    ? 1.0 + (0.025 * random.NextDouble()) + 1e-4
                    : Uniform(random, maker.R20RatioLow, maker.R20RatioHigh);
                var insulation = Uniform(random, maker.InsulationRatioLow, maker.InsulationRatioHigh) * product.InsulationMinimumMohmKm;
                var testedAt = end.AddMinutes(-random.Next(180 * 24 * 60));
                samples.Add(new SpotCheckSample($"SPOT-{m + 1}-{i + 1:D6}", maker, product, testedAt,
                    Math.Round(ratio * product.MaxR20OhmPerKm, 4), Math.Round(insulation, 5)));
            }
        }

        return samples.OrderBy(s => s.TestedAt).ThenBy(s => s.SampleId, StringComparer.Ordinal).ToList();
    }

    private static double Uniform(Random random, double low, double high) => low + ((high - low) * random.NextDouble());
}
