namespace CableTest.Runs.Model;

/// <summary>What a step does: the ambient check, one of the test kinds, or the evaluation.</summary>
public enum StepKind
{
    Ambient,
    ConductorResistance,
    InsulationResistance,
    VoltageWithstand,
    Evaluate,
}
