using CableTest.Contracts.V1;
using CableTest.Service.Runs;

namespace CableTest.Service.Tests.Runs;

/// <summary>Live readings thinned on instrument time: a time-scaled simulator's dwell still comes through as a curve.</summary>
public sealed class ReadingThinningTests
{
    private static Reading At(double stepTimeS, string quantity = "voltage_kv", string step = "vw", string core = "") =>
        new() { StepId = step, Core = core, Quantity = quantity, StepTimeS = stepTimeS, Value = 2.5 };

    [Fact]
    public void Keep_ReadingsBurstOnTheWallClock_KeptByTheirInstrumentTime()
    {
        var thinning = new ReadingThinning(readingsPerSecond: 1);

        // 300 s of dwell polled every 1.5 s of instrument time, all arriving within a second of wall time.
        var kept = Enumerable.Range(0, 200).Select(i => At(i * 1.5)).Count(thinning.Keep);

        Assert.Equal(200, kept);
    }

    [Fact]
    public void Keep_CloserThanTheRate_Dropped_PerStepCoreAndQuantity()
    {
        var thinning = new ReadingThinning(readingsPerSecond: 2);

        Assert.True(thinning.Keep(At(1.0)));
        Assert.False(thinning.Keep(At(1.2)));
        Assert.True(thinning.Keep(At(1.2, "leakage_ma")));
        Assert.True(thinning.Keep(At(1.2, step: "ir-1", core: "1")));
        Assert.True(thinning.Keep(At(1.5)));
        Assert.True(thinning.Keep(At(0.1)));    // the count went back (a new phase): kept
    }

    [Fact]
    public void Keep_NoStepTime_EveryReading()
    {
        var thinning = new ReadingThinning(readingsPerSecond: 1);

        Assert.Equal(5, Enumerable.Range(0, 5).Select(_ => At(0, "resistance_ohm", "cr-1", "1")).Count(thinning.Keep));
    }
}
