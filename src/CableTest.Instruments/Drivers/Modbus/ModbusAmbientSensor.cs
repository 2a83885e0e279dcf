using CableTest.Instruments.Modbus;
using CableTest.Instruments.Profiles;

namespace CableTest.Instruments.Drivers.Modbus;

/// <summary>A temperature/humidity transmitter driven by its register map.</summary>
public sealed class ModbusAmbientSensor(IModbusMaster master, byte unitId, InstrumentProfile profile)
    : ModbusDriverBase(master, unitId, profile, InstrumentRole.AmbientSensor), IAmbientSensor
{
    private static readonly string[] Points = ["temperature_c", "humidity_rh"];

    /// <inheritdoc />
    public async Task<AmbientReading> ReadAsync(CancellationToken cancellationToken)
    {
        var values = await ReadPointsAsync(Points, cancellationToken).ConfigureAwait(false);
        var temperature = values["temperature_c"];
        var humidity = values["humidity_rh"];
        if (temperature is < -40 or > 125 || humidity is < 0 or > 100)
        {
            throw new InstrumentException($"{Profile.Name} unit {UnitId} on {Master.LineName}: implausible ambient {temperature} °C / {humidity} %RH");
        }

        return new AmbientReading(temperature, humidity);
    }
}
