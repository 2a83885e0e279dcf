namespace CableTest.Domain.Comparison;

/// <summary>One quantity (or a withstand's verdict) of two inspections side by side.</summary>
/// <param name="NormalisedError">En = (x1 − x2) / √(U1² + U2²), null when it cannot be computed.</param>
/// <param name="VerdictsAgree">Both outcomes make the same statement (conforming, not conforming, or none); null when one is missing.</param>
public sealed record QuantityComparison(
    string Key,
    InspectedQuantity? First,
    InspectedQuantity? Second,
    double? NormalisedError,
    QuantityAgreement Agreement,
    bool? VerdictsAgree)
{
    /// <summary>Listed among the quantities that disagree: En over 1, no uncertainty to judge by, or verdicts that differ.</summary>
    public bool Disagrees => Agreement is QuantityAgreement.Inconsistent or QuantityAgreement.NoUncertainty || VerdictsAgree == false;
}
