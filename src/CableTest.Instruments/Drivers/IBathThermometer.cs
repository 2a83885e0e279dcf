namespace CableTest.Instruments.Drivers;

/// <summary>The temperature of the water bath or conditioning chamber a sample is tested in (IEC 60227 insulation resistance at 70 °C).</summary>
public interface IBathThermometer : IInstrument
{
    /// <summary>Reads the bath temperature (and the controller's setpoint when it has one).</summary>
    Task<BathReading> ReadAsync(CancellationToken cancellationToken);
}
