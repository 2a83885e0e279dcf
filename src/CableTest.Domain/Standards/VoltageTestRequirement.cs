namespace CableTest.Domain.Standards;

/// <summary>What a voltage test on a cable of a given rating must apply, from the catalogue.</summary>
/// <remarks>MinFrequencyHz: Null for DC.</remarks>
public sealed record VoltageTestRequirement(
    string Family,
    string Standard,
    string Edition,
    string Clause,
    RatedVoltage Rated,
    VoltageKind Kind,
    decimal RequiredKv,
    decimal RequiredS,
    decimal? MinFrequencyHz,
    decimal? MaxFrequencyHz,
    decimal DefaultTolerancePct,
    Provenance Provenance,
    Provenance? FrequencyProvenance,
    Provenance ToleranceProvenance);
