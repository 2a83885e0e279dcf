namespace CableTest.Domain.Comparison;

/// <summary>How two results of one quantity compare (ISO 13528 / ISO/IEC 17043: |En| ≤ 1 consistent).</summary>
public enum QuantityAgreement
{
    /// <summary>|En| ≤ 1.</summary>
    Consistent,

    /// <summary>|En| &gt; 1: the difference is larger than the uncertainties explain.</summary>
    Inconsistent,

    /// <summary>Both have a value but not both an expanded uncertainty (or both are 0): En cannot be computed.</summary>
    NoUncertainty,

    /// <summary>A test without a quantity (voltage withstand): only the verdicts are compared.</summary>
    VerdictOnly,

    /// <summary>Only the first inspection has this result.</summary>
    OnlyInFirst,

    /// <summary>Only the second inspection has this result.</summary>
    OnlyInSecond,
}
