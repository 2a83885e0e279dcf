namespace CableTest.HardwareSim.Scenarios;

/// <summary>Laboratory climate: start values and linear drift (instrument time).</summary>
public sealed record AmbientDefinition
{
    /// <summary>Air temperature at start.</summary>
    public double TemperatureC { get; init; } = 20;

    /// <summary>Relative humidity at start.</summary>
    public double HumidityRh { get; init; } = 50;

    /// <summary>Temperature drift per instrument hour.</summary>
    public double DriftCPerHour { get; init; }

    /// <summary>Humidity drift per instrument hour.</summary>
    public double HumidityDriftRhPerHour { get; init; }
}
