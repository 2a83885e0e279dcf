using CableTest.HardwareSim.Scenarios;

namespace CableTest.HardwareSim.Physics;

/// <summary>Laboratory temperature and humidity, drifting linearly with instrument time.</summary>
public sealed class AmbientModel(AmbientDefinition ambient)
{
    /// <summary>The definition.</summary>
    public AmbientDefinition Definition { get; } = ambient ?? throw new ArgumentNullException(nameof(ambient));

    /// <summary>Drift in kelvin per instrument second.</summary>
    public double DriftCPerS => Definition.DriftCPerHour / 3600;

    /// <summary>Air temperature at instrument time <paramref name="timeS"/>.</summary>
    public double TemperatureC(double timeS) => Definition.TemperatureC + (DriftCPerS * timeS);

    /// <summary>Relative humidity at instrument time <paramref name="timeS"/> (0–100 %).</summary>
    public double HumidityRh(double timeS) => Math.Clamp(Definition.HumidityRh + (Definition.HumidityDriftRhPerHour / 3600 * timeS), 0, 100);
}
