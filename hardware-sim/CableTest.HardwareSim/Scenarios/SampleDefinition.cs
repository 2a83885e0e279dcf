using CableTest.Domain.Standards;

namespace CableTest.HardwareSim.Scenarios;

/// <summary>
/// The cable on the bench, as a scenario file's <c>sample</c> object describes it. Product code, rated
/// voltage, class, cross-section and cores resolve through the Domain's standards catalogue; the
/// conductor material comes from the product spec.
/// </summary>
public sealed record SampleDefinition
{
    /// <summary>Short name (the scenario's name unless given).</summary>
    public required string Name { get; init; }

    /// <summary>Product spec text as a technician registers it, e.g. "GB/T 5023.3 227 IEC 01 (BV) 450/750 V 1×2.5 mm²".</summary>
    public required string Product { get; init; }

    /// <summary>Product code for <c>StandardsCatalogue.ResolveSample</c> (BV, RVV, YJV, YJLV, ...).</summary>
    public required string ProductCode { get; init; }

    /// <summary>Rated voltage as the catalogue spells it ("450/750 V", "0.6/1 kV").</summary>
    public required string RatedVoltage { get; init; }

    /// <summary>IEC 60228 conductor class (1, 2, 5, 6).</summary>
    public required int ConductorClass { get; init; }

    /// <summary>Nominal cross-section per core.</summary>
    public required double CrossSectionMm2 { get; init; }

    /// <summary>Number of cores.</summary>
    public required int Cores { get; init; }

    /// <summary>Sample length.</summary>
    public required double LengthM { get; init; }

    /// <summary>Copper or aluminium (from the product spec).</summary>
    public required ConductorMaterial Material { get; init; }

    /// <summary>Fraction of copper missing ("copper-saving" undersize): effective area = nominal × (1 − deviation).</summary>
    public double DeviationFraction { get; init; }

    /// <summary>1-σ spread of resistance between cores (seeded).</summary>
    public double CoreSpreadFraction { get; init; } = 0.002;

    /// <summary>Resistance increase from stranding lay (1.0 solid; ~1.02–1.04 stranded/flexible).</summary>
    public double StrandingFactor { get; init; } = 1.0;

    /// <summary>Conductor temperature when the sample is put on the bench (null: already at ambient).</summary>
    public double? InitialTemperatureC { get; init; }

    /// <summary>Time constant with which the conductor follows the ambient temperature (instrument seconds).</summary>
    public double ThermalTimeConstantS { get; init; } = 1800;

    /// <summary>Insulation resistance constant at 20 °C, MΩ·km.</summary>
    public required double KiMOhmKm { get; init; }

    /// <summary>Diameter under the insulation (conductor).</summary>
    public required double InnerDiameterMm { get; init; }

    /// <summary>Diameter over the insulation.</summary>
    public required double OuterDiameterMm { get; init; }

    /// <summary>Kelvin per halving of insulation resistance.</summary>
    public double HalvingK { get; init; } = 8;

    /// <summary>Polarisation depth p: R(t) ∝ 1 − p·e^(−t/τ), normalised so R(60 s) is the 1-min value.</summary>
    public double Polarisation { get; init; } = 0.3;

    /// <summary>Polarisation time constant τ (instrument seconds).</summary>
    public double PolarisationTauS { get; init; } = 20;

    /// <summary>Multiplier of Ki for wet (water-treed, moist) insulation; 1 when dry.</summary>
    public double WetFactor { get; init; } = 1;

    /// <summary>
    /// The sample's insulation resistance is measured immersed in the water bath, at the water's temperature (IEC 60227 /
    /// GB/T 5023 types, whose minimum is tabulated at 70 °C); otherwise in air at the conductor's temperature.
    /// </summary>
    public bool Immersed { get; init; }

    /// <summary>Capacitance core to the others/screen.</summary>
    public double CapacitanceUfPerKm { get; init; } = 0.15;

    /// <summary>The insulation breaks down when the test voltage reaches this (null: never by voltage).</summary>
    public double? BreakdownVoltageV { get; init; }

    /// <summary>The insulation breaks down this long into the dwell (null: never by time).</summary>
    public double? BreakdownDwellS { get; init; }
}
