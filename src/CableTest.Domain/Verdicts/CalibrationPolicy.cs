namespace CableTest.Domain.Verdicts;

/// <summary>What an instrument past its calibration due date does to a run. Wire names in <see cref="CalibrationPolicies"/>.</summary>
public enum CalibrationPolicy
{
    /// <summary>The run is refused before it starts ("block").</summary>
    Block,

    /// <summary>The run goes on and the tests that used the instrument are inconclusive ("inconclusive").</summary>
    Inconclusive,
}
