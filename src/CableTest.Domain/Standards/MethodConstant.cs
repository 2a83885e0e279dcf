namespace CableTest.Domain.Standards;

/// <summary>One number of the test method (GB/T 3048), with its unit and where it comes from, so evidence can cite it.</summary>
public sealed record MethodConstant(decimal Value, string Unit, Provenance Source)
{
    /// <summary>e.g. "3 readings (D [LAB])".</summary>
    public string Describe() => System.FormattableString.Invariant($"{Value} {Unit} ({Source.Describe()})");
}
