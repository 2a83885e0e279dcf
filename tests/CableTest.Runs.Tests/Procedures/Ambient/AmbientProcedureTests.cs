using CableTest.Instruments;
using CableTest.Runs.Procedures;
using CableTest.Runs.Procedures.Ambient;
using CableTest.Runs.Tests.Procedures.Fakes;

namespace CableTest.Runs.Tests.Procedures.Ambient;

public sealed class AmbientProcedureTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly Bench _bench = new();

    private Task<AmbientResult> Run(FakeAmbientSensor sensor, AmbientOptions? options = null) =>
        _bench.DriveAsync(() => new AmbientProcedure(sensor, "amb-1", options ?? new AmbientOptions()).RunAsync(_bench.Context("ambient"), CancellationToken.None), Poll);

    [Fact]
    public async Task RunAsync_SettledRoom_MeanSpreadReadingsOnePollApart()
    {
        var result = await Run(new FakeAmbientSensor(_bench, 20.1, 20.3, 20.2));

        Assert.Equal(20.2, result.MeanC, 9);
        Assert.Equal(0.2, result.SpreadK, 9);
        Assert.True(result.InsideWindow && result.Settled && result.Acceptable);
        Assert.Equal(["run-1/ambient/0", "run-1/ambient/1", "run-1/ambient/2"], result.ReadingIds);
        Assert.Equal(["ambient 20.2 °C (spread 0.20 K)"], result.Notes);
        Assert.Equal(result.Notes, _bench.Logs);
        Assert.All(_bench.Readings, r => Assert.Equal("ambient", r.Reading.Measurement));
        Assert.Equal([("temperature_c", 20.1), ("humidity_rh", 45.0)], _bench.Readings[0].Reading.Values.Select(v => (v.Key, v.Value)));
        Assert.Equal([Bench.T0, Bench.T0 + Poll, Bench.T0 + (2 * Poll)], _bench.Readings.Select(r => r.At));
        Assert.Equal(Bench.T0 + (3 * Poll), result.MeasuredAt);
    }

    [Fact]
    public async Task RunAsync_SpreadOverLimit_NotSettledAndNoted()
    {
        var result = await Run(new FakeAmbientSensor(_bench, 19.5, 20.0, 20.6));

        Assert.True(result.InsideWindow);
        Assert.False(result.Settled);
        Assert.Equal(1.1, result.SpreadK, 9);
        Assert.Equal("ambient 20.0 °C (spread 1.10 K): outside the method's 15–25 °C or not settled", Assert.Single(result.Notes));
    }

    [Fact]
    public async Task RunAsync_SpreadExactlyAtLimit_Settled()
    {
        var result = await Run(new FakeAmbientSensor(_bench, 20, 21, 20.5));

        Assert.True(result.Settled);
    }

    [Theory]
    [InlineData(14.9)]
    [InlineData(25.1)]
    public async Task RunAsync_OutsideWindow_NotInsideAndNoted(double temperatureC)
    {
        var result = await Run(new FakeAmbientSensor(_bench, temperatureC));

        Assert.False(result.InsideWindow);
        Assert.True(result.Settled);
        Assert.EndsWith(": outside the method's 15–25 °C or not settled", Assert.Single(result.Notes));
    }

    [Fact]
    public async Task RunAsync_OptionsFromTheMethodData_Used()
    {
        var result = await Run(new FakeAmbientSensor(_bench, 26, 26.4), new AmbientOptions { Readings = 2, MinC = 10, MaxC = 30, MaxSpreadK = 0.5 });

        Assert.Equal(2, _bench.Readings.Count);
        Assert.True(result.Acceptable);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task RunAsync_TemperatureNotANumber_ThrowsTypedAndTakesNothingFromIt(double temperatureC)
    {
        var sensor = new FakeAmbientSensor(_bench, 20, temperatureC);

        var e = await Assert.ThrowsAsync<ImplausibleReadingException>(() => Run(sensor));

        Assert.Contains("amb-1", e.Message, StringComparison.Ordinal);
        Assert.Single(_bench.Readings);
    }

    [Fact]
    public async Task RunAsync_HumidityNotANumber_ThrowsTyped()
    {
        var sensor = new FakeAmbientSensor(_bench, 20) { HumidityRh = double.NaN };

        await Assert.ThrowsAsync<ImplausibleReadingException>(() => Run(sensor));
        Assert.Empty(_bench.Readings);
    }

    [Fact]
    public async Task RunAsync_GarbledReply_InstrumentExceptionPassesThrough()
    {
        var sensor = new FakeAmbientSensor(_bench, 20) { FailAtRead = 1 };

        await Assert.ThrowsAsync<InstrumentException>(() => Run(sensor));
        Assert.Single(_bench.Readings);
    }

    [Fact]
    public async Task RunAsync_SensorStopsAnswering_TimeoutPassesThrough()
    {
        var sensor = new FakeAmbientSensor(_bench, 20) { FailAtRead = 0, FailWith = FakeInstrument.Fault.Silent };

        await Assert.ThrowsAsync<InstrumentTimeoutException>(() => Run(sensor));
        Assert.Empty(_bench.Readings);
    }

    [Fact]
    public void Constructor_NoReadings_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AmbientProcedure(new FakeAmbientSensor(_bench, 20), "amb-1", new AmbientOptions { Readings = 0 }));
}
