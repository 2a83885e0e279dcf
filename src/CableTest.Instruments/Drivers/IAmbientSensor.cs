namespace CableTest.Instruments.Drivers;

/// <summary>Temperature and humidity sensor.</summary>
public interface IAmbientSensor : IInstrument
{
    /// <summary>Reads temperature and humidity.</summary>
    Task<AmbientReading> ReadAsync(CancellationToken cancellationToken);
}
