namespace CableTest.Domain.Verdicts;

/// <summary>Wire names of <see cref="TestKind"/>: "conductor_resistance", "insulation_resistance", "voltage_withstand".</summary>
public static class TestKindNames
{
    public const string ConductorResistance = "conductor_resistance";
    public const string InsulationResistance = "insulation_resistance";
    public const string VoltageWithstand = "voltage_withstand";

    public static string ToWireName(this TestKind kind) => kind switch
    {
        TestKind.ConductorResistance => ConductorResistance,
        TestKind.InsulationResistance => InsulationResistance,
        TestKind.VoltageWithstand => VoltageWithstand,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses a wire name (exact, as written by <see cref="ToWireName"/>).</summary>
    public static bool TryParse(string? name, out TestKind kind)
    {
        switch (name)
        {
            case ConductorResistance:
                kind = TestKind.ConductorResistance;
                return true;
            case InsulationResistance:
                kind = TestKind.InsulationResistance;
                return true;
            case VoltageWithstand:
                kind = TestKind.VoltageWithstand;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
