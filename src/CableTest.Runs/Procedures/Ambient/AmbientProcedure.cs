using CableTest.Instruments.Drivers;

namespace CableTest.Runs.Procedures.Ambient;

/// <summary>
/// The ambient check: <see cref="AmbientOptions.Readings"/> readings of temperature and humidity, one poll
/// interval apart; their mean is the conductor temperature, their spread tells whether the room has settled.
/// </summary>
public sealed class AmbientProcedure
{
    private readonly IAmbientSensor _sensor;
    private readonly string _sensorId;
    private readonly AmbientOptions _options;

    /// <param name="sensor">The ambient sensor.</param>
    /// <param name="sensorId">Its bench id (readings name it).</param>
    /// <param name="options">Validated here.</param>
    public AmbientProcedure(IAmbientSensor sensor, string sensorId, AmbientOptions options)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentException.ThrowIfNullOrWhiteSpace(sensorId);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_sensor, _sensorId, _options) = (sensor, sensorId, options);
    }

    /// <summary>
    /// Takes the readings (measurement "ambient": temperature_c, humidity_rh) and logs the note. A reading that
    /// is not a number throws <see cref="ImplausibleReadingException"/>; driver faults pass through.
    /// </summary>
    public async Task<AmbientResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var temperatures = new List<double>();
        var readingIds = new List<string>();
        for (var i = 0; i < _options.Readings; i++)
        {
            var reading = await _sensor.ReadAsync(cancellationToken).ConfigureAwait(false);
            var temperatureC = Plausibility.Require(reading.TemperatureC, "temperature_c", _sensorId);
            var humidityRh = Plausibility.Require(reading.HumidityRh, "humidity_rh", _sensorId);
            temperatures.Add(temperatureC);
            readingIds.Add(await context.TakeAsync("ambient", _sensorId, i, [new("temperature_c", temperatureC), new("humidity_rh", humidityRh)], cancellationToken).ConfigureAwait(false));
            await Task.Delay(_options.PollInterval, context.Time, cancellationToken).ConfigureAwait(false);
        }

        var (meanC, spreadK) = AmbientSettling.Summarise(temperatures);
        var inside = AmbientSettling.IsInsideWindow(meanC, _options);
        var settled = AmbientSettling.IsSettled(spreadK, _options);
        var note = AmbientSettling.Note(meanC, spreadK, inside && settled, _options);
        context.Progress.Log(note);
        return new AmbientResult(meanC, spreadK, inside, settled, readingIds, [note], context.Time.GetUtcNow());
    }
}
