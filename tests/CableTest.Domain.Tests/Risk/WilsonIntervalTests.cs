using CableTest.Domain.Risk;

namespace CableTest.Domain.Tests.Risk;

public sealed class WilsonIntervalTests
{
    [Fact]
    public void Of_TwoFailuresInTwenty_WorkedCase()
    {
        // p = 0.1, z² = 3.841459, z²/n = 0.1920729, 1 + z²/n = 1.1920729
        // centre = (0.1 + 0.0960365) / 1.1920729 = 0.1644501
        // half   = 1.959964 / 1.1920729 · √(0.09/20 + 3.841459/1600) = 1.644166 · √0.0069009 = 0.1365836
        // → [0.0278665, 0.3010337]
        var interval = WilsonInterval.Of(2, 20);

        Assert.Equal(0.0278665, interval.Lower, 6);
        Assert.Equal(0.3010336, interval.Upper, 6);
    }

    [Fact]
    public void Of_NoFailures_LowerIsZeroUpperIsZSquaredOverNPlusZSquared()
    {
        // x = 0: centre = half = (z²/2n)/(1 + z²/n); upper = z²/(n + z²) = 3.841459 / 13.841459 = 0.2775328
        var interval = WilsonInterval.Of(0, 10);

        Assert.Equal(0, interval.Lower, 12);
        Assert.Equal(0.2775328, interval.Upper, 6);
    }

    [Fact]
    public void Of_OneFailureInOne_StaysInsideZeroToOne()
    {
        // p = 1: centre = (1 + 1.9207297)/4.841459 = 0.6032747, half = (1.959964/4.841459)·√(3.841459/4) = 0.3967254
        var interval = WilsonInterval.Of(1, 1);

        Assert.Equal(0.2065493, interval.Lower, 6);
        Assert.Equal(1, interval.Upper, 12);
    }

    [Fact]
    public void Of_NoTrials_IsTheWholeRange()
    {
        Assert.Equal(new WilsonInterval(0, 1), WilsonInterval.Of(0, 0));
    }

    [Fact]
    public void Of_MoreFailuresThanTrials_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(3, 2));
    }
}
