namespace CableTest.Domain.Verdicts;

/// <summary>"Shall not exceed" (upper: conductor resistance) or "not less than" (lower: insulation resistance).</summary>
public enum LimitType
{
    Upper,
    Lower,
}
