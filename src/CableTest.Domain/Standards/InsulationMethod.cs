namespace CableTest.Domain.Standards;

/// <summary>
/// When an insulation-resistance reading qualifies (GB/T 3048.5; IEC 60502 cl. 17.1.1): DC test
/// voltage and electrification time windows, and how close the test temperature must be to a
/// tabulated temperature.
/// </summary>
public sealed record InsulationMethod(
    string Standard,
    string Edition,
    string Clause,
    decimal MinTestVoltageVDc,
    decimal MaxTestVoltageVDc,
    Provenance TestVoltageProvenance,
    decimal MinElectrificationS,
    decimal MaxElectrificationS,
    Provenance ElectrificationProvenance,
    decimal TemperatureMatchC);
