namespace CableTest.Domain.Uncertainty;

/// <summary>Decimals as people write them: no trailing zeros (0.0200 → 0.02, 1.0 → 1).</summary>
internal static class DecimalText
{
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;
}
