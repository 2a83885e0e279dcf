namespace CableTest.Domain.Tests.Uncertainty;

/// <summary>Worked numbers reproduce to a relative 1e-4, as the golden cases.</summary>
internal static class Close
{
    public static void Equal(double expected, double actual, string what = "")
    {
        var ok = expected == 0 ? Math.Abs(actual) < 1e-15 : Math.Abs(actual - expected) <= Math.Abs(expected) * 1e-4;
        Assert.True(ok, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
