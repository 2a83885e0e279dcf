using CableTest.HardwareSim.Scenarios;

namespace CableTest.HardwareSim.Physics;

/// <summary>
/// The water bath: setpoint + offset + swing · sin(2π t / period), in instrument time. A sample soaked in it for the
/// method's time (IEC 60227-2: at least 1 h before the reading) has its insulation at the water's temperature.
/// </summary>
public sealed class BathModel(BathDefinition bath)
{
    /// <summary>The definition.</summary>
    public BathDefinition Definition { get; } = bath ?? throw new ArgumentNullException(nameof(bath));

    /// <summary>Water temperature at instrument time <paramref name="timeS"/>.</summary>
    public double WaterTemperatureC(double timeS) =>
        Definition.SetpointC + Definition.OffsetC + (Definition.SwingC * Math.Sin(2 * Math.PI * timeS / Definition.SwingPeriodS));
}
