using CableTest.Instruments.Drivers;

namespace CableTest.Runs.Tests.Procedures.Fakes;

/// <summary>Answers the scripted temperatures in turn (humidity 45 %).</summary>
internal sealed class FakeAmbientSensor(Bench bench, params double[] temperaturesC) : FakeInstrument(bench, InstrumentRole.AmbientSensor), IAmbientSensor
{
    public double HumidityRh { get; set; } = 45;

    public async Task<AmbientReading> ReadAsync(CancellationToken cancellationToken)
    {
        await ReadingAsync("ambient read", cancellationToken).ConfigureAwait(false);
        return new AmbientReading(temperaturesC[(ReadCount - 1) % temperaturesC.Length], HumidityRh);
    }
}
