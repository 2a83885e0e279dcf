namespace CableTest.Service.Bench;

/// <summary>One instrument on a configured bench.</summary>
public sealed class InstrumentOptions
{
    /// <summary>Identity in readings and evidence (e.g. "OHM-01").</summary>
    public string Id { get; set; } = "";

    /// <summary>conductor_resistance_meter, insulation_tester, withstand_tester, ambient_sensor or bath_thermometer (optional).</summary>
    public string Role { get; set; } = "";

    /// <summary>Profile name (shipped or in the profile directory).</summary>
    public string Profile { get; set; } = "";

    /// <summary>Line: <c>serial:///dev/ttyUSB0?baud=9600</c> or <c>tcp://10.0.0.5:502</c>. Instruments with the same endpoint share the line (one owner).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Modbus unit id.</summary>
    public int UnitId { get; set; } = 1;

    /// <summary>Calibration certificate number.</summary>
    public string CalibrationCertificate { get; set; } = "";

    /// <summary>Calibration due date.</summary>
    public DateOnly? CalibrationDue { get; set; }
}
