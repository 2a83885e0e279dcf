namespace CableTest.Domain.Standards;

/// <summary>The test voltage and duration for one rated voltage; DC only where the standard allows it.</summary>
public sealed record VoltageTestLevel(
    RatedVoltage Rated,
    decimal AcKv,
    decimal AcDurationS,
    Provenance AcProvenance,
    decimal? DcKv,
    decimal? DcDurationS,
    Provenance? DcProvenance);
