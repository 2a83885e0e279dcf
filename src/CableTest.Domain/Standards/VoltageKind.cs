namespace CableTest.Domain.Standards;

/// <summary>AC (r.m.s., 49-61 Hz) or DC test voltage.</summary>
public enum VoltageKind
{
    AC,
    DC,
}
