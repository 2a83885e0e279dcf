namespace CableTest.Domain.Standards;

/// <summary>The voltage-test levels of one standard family ("IEC 60227", "IEC 60502-1", "IEC 60502-2").</summary>
public sealed record VoltageTestFamily(
    string Family,
    string Standard,
    string Edition,
    string Clause,
    decimal MinFrequencyHz,
    decimal MaxFrequencyHz,
    Provenance FrequencyProvenance,
    IReadOnlyList<VoltageTestLevel> Levels,
    string Origin);
