using CableTest.Domain.Standards;

namespace CableTest.Domain.Samples;

/// <summary>A registered (coded) cable sample: what the lab knows of the specimen on the bench.</summary>
/// <param name="SampleId">The lab's sample id.</param>
/// <param name="LimsOrder">LIMS order it belongs to ("" when none).</param>
/// <param name="SpecId">Product spec id in the standards catalogue.</param>
/// <param name="ProductSpec">Human-readable product spec.</param>
/// <param name="Conductor">Conductor class, material and nominal cross-section.</param>
/// <param name="Cores">Number of cores.</param>
/// <param name="LengthM">Specimen length between the potential terminals.</param>
/// <param name="ConductorDiameterMm">Diameter under the insulation (d), when measured.</param>
/// <param name="InsulationOuterDiameterMm">Diameter over the insulation (D), when measured.</param>
/// <param name="RatedVoltage">U0/U, e.g. "450/750 V".</param>
/// <param name="Description">Free text for the report.</param>
/// <param name="RegisteredAt">When it was registered.</param>
public sealed record CableSample(
    string SampleId,
    string LimsOrder,
    string SpecId,
    string ProductSpec,
    ConductorSpec Conductor,
    int Cores,
    double LengthM,
    double? ConductorDiameterMm,
    double? InsulationOuterDiameterMm,
    string RatedVoltage,
    string Description,
    DateTimeOffset RegisteredAt);
