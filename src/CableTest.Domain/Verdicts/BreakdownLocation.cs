namespace CableTest.Domain.Verdicts;

/// <summary>Where a withstand trip happened: the insulation (breakdown, fail) or a termination (flashover, retest).</summary>
public enum BreakdownLocation
{
    /// <summary>Not reported; a breakdown is taken as an insulation breakdown.</summary>
    Unknown,
    Insulation,
    Termination,
}
