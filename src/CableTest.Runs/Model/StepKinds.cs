using CableTest.Domain.Verdicts;

namespace CableTest.Runs.Model;

/// <summary>Wire names of <see cref="StepKind"/> ("ambient", "conductor_resistance", ...), as stored and served.</summary>
public static class StepKinds
{
    private static readonly (StepKind Kind, string Name)[] Names =
    [
        (StepKind.Ambient, "ambient"),
        (StepKind.ConductorResistance, "conductor_resistance"),
        (StepKind.InsulationResistance, "insulation_resistance"),
        (StepKind.VoltageWithstand, "voltage_withstand"),
        (StepKind.Evaluate, "evaluate"),
    ];

    /// <summary>The snake_case wire name.</summary>
    public static string Name(this StepKind kind) => Array.Find(Names, n => n.Kind == kind).Name;

    /// <summary>Parses a wire name; false for anything else (never falls back to a default kind).</summary>
    public static bool TryParse(string? name, out StepKind kind)
    {
        foreach (var (k, n) in Names)
        {
            if (n == name)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The test kind a step judges, or null for the ambient check and the evaluation.</summary>
    public static TestKind? TestKind(this StepKind kind) => kind switch
    {
        StepKind.ConductorResistance => Domain.Verdicts.TestKind.ConductorResistance,
        StepKind.InsulationResistance => Domain.Verdicts.TestKind.InsulationResistance,
        StepKind.VoltageWithstand => Domain.Verdicts.TestKind.VoltageWithstand,
        _ => null,
    };
}
