namespace CableTest.Domain.Risk;

/// <summary>What a risk group collects: the samples of one product spec or of one manufacturer.</summary>
public enum RiskGroupKind
{
    Spec,
    Manufacturer,
}
