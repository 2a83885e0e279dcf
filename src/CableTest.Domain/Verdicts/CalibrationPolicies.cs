namespace CableTest.Domain.Verdicts;

/// <summary>Wire names of <see cref="CalibrationPolicy"/>: "block", "inconclusive" (as in configuration).</summary>
public static class CalibrationPolicies
{
    public const string Block = "block";
    public const string Inconclusive = "inconclusive";

    /// <summary>"block or inconclusive", for messages.</summary>
    public const string Choices = "block or inconclusive";

    public static string Name(CalibrationPolicy policy) => policy switch
    {
        CalibrationPolicy.Block => Block,
        CalibrationPolicy.Inconclusive => Inconclusive,
        _ => throw new ArgumentOutOfRangeException(nameof(policy)),
    };

    public static bool TryParse(string? name, out CalibrationPolicy policy)
    {
        switch (name)
        {
            case Block:
                policy = CalibrationPolicy.Block;
                return true;
            case Inconclusive:
                policy = CalibrationPolicy.Inconclusive;
                return true;
            default:
                policy = default;
                return false;
        }
    }
}
