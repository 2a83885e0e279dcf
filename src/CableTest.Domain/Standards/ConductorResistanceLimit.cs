namespace CableTest.Domain.Standards;

/// <summary>The maximum DC resistance at 20 degC that applies to a conductor, and where it comes from.</summary>
public sealed record ConductorResistanceLimit(
    ConductorSpec Conductor,
    decimal MaxOhmPerKm,
    string Standard,
    string Edition,
    string EditionId,
    string Table,
    Provenance Provenance,
    IReadOnlyList<string> Notes);
