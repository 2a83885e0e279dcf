namespace CableTest.Domain.Standards;

/// <summary>
/// What a registered sample is judged against, resolved from its product spec: the conductor for
/// the IEC 60228 lookup, the insulation-resistance table (null when the catalogue has none) and the
/// voltage-test family.
/// </summary>
public sealed record SampleRequirements(
    ProductSpec Spec,
    ConductorSpec Conductor,
    int Cores,
    string? InsulationResistanceKey,
    string VoltageTestFamily);
