namespace CableTest.Domain.Verdicts;

/// <summary>The kinds of test a run performs.</summary>
public enum TestKind
{
    /// <summary>Conductor DC resistance, GB/T 3048.4, limits IEC 60228 / GB/T 3956.</summary>
    ConductorResistance,

    /// <summary>Insulation resistance, GB/T 3048.5, limits IEC 60227 / GB/T 5023, IEC 60502-1 / GB/T 12706.1.</summary>
    InsulationResistance,

    /// <summary>Voltage withstand, GB/T 3048.8.</summary>
    VoltageWithstand,
}
