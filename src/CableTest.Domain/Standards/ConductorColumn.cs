namespace CableTest.Domain.Standards;

/// <summary>The columns of IEC 60228 Tables 1-4.</summary>
public enum ConductorColumn
{
    /// <summary>Plain copper ("cu" in the data file).</summary>
    PlainCopper,

    /// <summary>Metal-coated copper ("cu_coated").</summary>
    CoatedCopper,

    /// <summary>Aluminium ("al").</summary>
    Aluminium,
}
