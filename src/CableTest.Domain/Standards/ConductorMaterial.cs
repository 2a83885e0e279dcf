namespace CableTest.Domain.Standards;

/// <summary>Conductor metal (IEC 60228). Metal coating of copper is <see cref="ConductorSpec.Coated"/>.</summary>
public enum ConductorMaterial
{
    Copper,
    Aluminium,
}
