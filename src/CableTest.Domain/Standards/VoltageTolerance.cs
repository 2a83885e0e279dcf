namespace CableTest.Domain.Standards;

/// <summary>Tolerance of the held test voltage: <see cref="Pct"/> for tests up to <see cref="MaxDurationS"/> (null: any longer test).</summary>
public sealed record VoltageTolerance(decimal? MaxDurationS, decimal Pct, Provenance Provenance);
