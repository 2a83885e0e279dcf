using CableTest.Instruments.Drivers;

namespace CableTest.Runs.Tests.Procedures.Fakes;

/// <summary>Answers the scripted bath temperatures in turn (setpoint 70 °C).</summary>
internal sealed class FakeBathThermometer(Bench bench, params double[] temperaturesC) : FakeInstrument(bench, InstrumentRole.BathThermometer), IBathThermometer
{
    public async Task<BathReading> ReadAsync(CancellationToken cancellationToken)
    {
        await ReadingAsync("bath read", cancellationToken).ConfigureAwait(false);
        return new BathReading(temperaturesC[(ReadCount - 1) % temperaturesC.Length], 70);
    }
}
