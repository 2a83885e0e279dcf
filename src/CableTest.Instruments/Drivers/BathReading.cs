namespace CableTest.Instruments.Drivers;

/// <summary>What the water bath's thermometer reports.</summary>
/// <param name="TemperatureC">Water (or chamber) temperature measured now.</param>
/// <param name="SetpointC">The controller's target temperature, when the instrument is a bath controller whose profile maps it; null otherwise.</param>
public sealed record BathReading(double TemperatureC, double? SetpointC);
