using CableTest.Domain.Risk;

namespace CableTest.Domain.Tests.Risk;

public sealed class MarginDistributionTests
{
    [Fact]
    public void Of_FiveRatios_QuantilesInterpolateBetweenOrderStatistics()
    {
        // sorted 0.90 0.95 0.97 0.99 1.01; h = 4q
        // q=0.10: h=0.4 → 0.90 + 0.4·0.05 = 0.92; q=0.25: h=1 → 0.95; q=0.5: h=2 → 0.97;
        // q=0.75: h=3 → 0.99; q=0.90: h=3.6 → 0.99 + 0.6·0.02 = 1.002
        var distribution = MarginDistribution.Of([0.99, 0.90, 1.01, 0.97, 0.95]);

        Assert.Equal(5, distribution.Count);
        Assert.Equal(0.90, distribution.Min!.Value, 12);
        Assert.Equal(0.92, distribution.P10!.Value, 12);
        Assert.Equal(0.95, distribution.P25!.Value, 12);
        Assert.Equal(0.97, distribution.Median!.Value, 12);
        Assert.Equal(0.99, distribution.P75!.Value, 12);
        Assert.Equal(1.002, distribution.P90!.Value, 12);
        Assert.Equal(1.01, distribution.Max!.Value, 12);
    }

    [Fact]
    public void Of_EvenCount_MedianIsTheMeanOfTheMiddleTwo()
    {
        // h = 3·0.5 = 1.5 → 0.96 + 0.5·(0.98 − 0.96) = 0.97
        Assert.Equal(0.97, MarginDistribution.Of([0.98, 0.90, 0.96, 1.00]).Median!.Value, 12);
    }

    [Fact]
    public void Of_Nothing_IsEmpty()
    {
        Assert.Same(MarginDistribution.Empty, MarginDistribution.Of([]));
        Assert.Null(MarginDistribution.Empty.Median);
    }
}
