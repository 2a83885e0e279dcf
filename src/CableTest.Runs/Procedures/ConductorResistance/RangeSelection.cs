namespace CableTest.Runs.Procedures.ConductorResistance;

/// <summary>The micro-ohmmeter range for a conductor: the decade that holds the expected resistance with headroom.</summary>
public static class RangeSelection
{
    /// <summary>Expected resistance of the specimen: the limit per km times the length, or <paramref name="withoutLimitOhm"/> when there is no limit.</summary>
    public static double ExpectedOhm(decimal? maxOhmPerKm, double lengthM, double withoutLimitOhm) =>
        maxOhmPerKm is { } max ? (double)max * lengthM / 1000 : withoutLimitOhm;

    /// <summary>The smallest power of ten at or above <paramref name="expectedOhm"/> × <paramref name="headroom"/> (and at least <paramref name="minRangeOhm"/>).</summary>
    public static double RangeOhm(double expectedOhm, double headroom, double minRangeOhm) =>
        Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(expectedOhm * headroom, minRangeOhm))));
}
