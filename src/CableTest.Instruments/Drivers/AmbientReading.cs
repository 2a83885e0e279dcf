namespace CableTest.Instruments.Drivers;

/// <summary>Ambient conditions.</summary>
/// <param name="TemperatureC">Air temperature.</param>
/// <param name="HumidityRh">Relative humidity in percent.</param>
public sealed record AmbientReading(double TemperatureC, double HumidityRh);
