namespace CableTest.Instruments.Drivers;

/// <summary>What an instrument does on the bench (profiles and the simulator use the snake_case names).</summary>
public enum InstrumentRole
{
    /// <summary><c>conductor_resistance_meter</c>: micro-ohmmeter, 4-wire (GB/T 3048.4).</summary>
    ConductorResistanceMeter,
    /// <summary><c>insulation_tester</c>: megohmmeter / electrometer (GB/T 3048.5).</summary>
    InsulationTester,
    /// <summary><c>withstand_tester</c>: AC/DC hipot tester (GB/T 3048.8).</summary>
    WithstandTester,
    /// <summary><c>ambient_sensor</c>: temperature and humidity.</summary>
    AmbientSensor,
    /// <summary><c>bath_thermometer</c>: the water bath / conditioning chamber's temperature (a PT100 transmitter or the bath controller).</summary>
    BathThermometer,
}
