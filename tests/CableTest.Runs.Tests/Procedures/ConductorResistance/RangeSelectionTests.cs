using CableTest.Runs.Procedures.ConductorResistance;

namespace CableTest.Runs.Tests.Procedures.ConductorResistance;

public sealed class RangeSelectionTests
{
    [Theory]
    [InlineData(0.741, 10)]     // BV 2.5 mm², 100 m: 0.741 Ω × 1.5 = 1.11 → the 10 Ω range
    [InlineData(0.66, 1)]       // 0.99 fits the 1 Ω range
    [InlineData(0.67, 10)]      // 1.005 does not
    [InlineData(1e-6, 1e-3)]    // never below the smallest range asked for
    [InlineData(10, 100)]       // no limit: 10 Ω expected
    public void RangeOhm_ExpectedWithHeadroom_NextDecade(double expectedOhm, double rangeOhm) =>
        Assert.Equal(rangeOhm, RangeSelection.RangeOhm(expectedOhm, 1.5, 1e-3), 12);

    [Fact]
    public void ExpectedOhm_LimitTimesLength() => Assert.Equal(0.741, RangeSelection.ExpectedOhm(7.41m, 100, 10), 12);

    [Fact]
    public void ExpectedOhm_NoLimit_Fallback() => Assert.Equal(10, RangeSelection.ExpectedOhm(null, 100, 10));
}
