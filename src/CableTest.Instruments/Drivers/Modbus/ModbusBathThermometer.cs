using CableTest.Instruments.Modbus;
using CableTest.Instruments.Profiles;

namespace CableTest.Instruments.Drivers.Modbus;

/// <summary>A PT100 transmitter or bath controller driven by its register map: <c>temperature_c</c>, and <c>setpoint_c</c> when mapped.</summary>
public sealed class ModbusBathThermometer(IModbusMaster master, byte unitId, InstrumentProfile profile)
    : ModbusDriverBase(master, unitId, profile, InstrumentRole.BathThermometer), IBathThermometer
{
    /// <summary>Range a PT100 in a water bath or oven can plausibly report; beyond it the sensor is open, shorted or the scale is wrong.</summary>
    private const double MinC = -50;
    private const double MaxC = 250;

    /// <inheritdoc />
    public async Task<BathReading> ReadAsync(CancellationToken cancellationToken)
    {
        var hasSetpoint = Map.Points.ContainsKey("setpoint_c");
        var values = await ReadPointsAsync(hasSetpoint ? ["temperature_c", "setpoint_c"] : ["temperature_c"], cancellationToken).ConfigureAwait(false);
        var temperature = values["temperature_c"];
        if (temperature is < MinC or > MaxC)
        {
            throw new InstrumentException($"{Profile.Name} unit {UnitId} on {Master.LineName}: implausible bath temperature {temperature} °C (sensor open or shorted, or the profile's scale does not match the instrument's decimal point)");
        }

        return new BathReading(temperature, hasSetpoint ? values["setpoint_c"] : null);
    }
}
