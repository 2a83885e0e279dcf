namespace CableTest.Protocols.Modbus;

/// <summary>Types a run of registers can hold.</summary>
public enum RegisterValueType
{
    /// <summary>Signed 16-bit, one register.</summary>
    Int16,

    /// <summary>Unsigned 16-bit, one register.</summary>
    UInt16,

    /// <summary>Signed 32-bit, two registers.</summary>
    Int32,

    /// <summary>Unsigned 32-bit, two registers.</summary>
    UInt32,

    /// <summary>IEEE 754 single, two registers.</summary>
    Float32,

    /// <summary>IEEE 754 double, four registers.</summary>
    Float64,
}
