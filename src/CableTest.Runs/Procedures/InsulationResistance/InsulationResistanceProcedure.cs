using System.Globalization;
using CableTest.Domain;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Drivers;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;

namespace CableTest.Runs.Procedures.InsulationResistance;

/// <summary>
/// Insulation resistance of one core (GB/T 3048.5): the operator connects the core (in air, or in the water
/// bath when the product spec names an IEC 60227 table), the megohmmeter applies the test voltage, the
/// procedure reads every poll interval until the electrification time and judges the last reading.
/// The voltage is always removed and the sample discharged, however the step ends.
/// </summary>
public sealed partial class InsulationResistanceProcedure
{
    /// <summary>The method named in the verdict.</summary>
    public const string MethodName = "GB/T 3048.5-2007";

    private readonly IInsulationTester _tester;
    private readonly string _testerId;
    private readonly string _ambientSensorId;
    private readonly InsulationResistanceOptions _options;
    private readonly VerdictEngine _engine;

    /// <param name="tester">The megohmmeter.</param>
    /// <param name="testerId">Its bench id.</param>
    /// <param name="ambientSensorId">Bench id of the ambient sensor (part of the evidence).</param>
    /// <param name="options">Validated here.</param>
    /// <param name="engine">Verdict engine; null: <see cref="VerdictEngine.Default"/>.</param>
    public InsulationResistanceProcedure(IInsulationTester tester, string testerId, string ambientSensorId, InsulationResistanceOptions options, VerdictEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(tester);
        ArgumentException.ThrowIfNullOrWhiteSpace(testerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ambientSensorId);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_tester, _testerId, _ambientSensorId, _options, _engine) = (tester, testerId, ambientSensorId, options, engine ?? VerdictEngine.Default);
    }

    /// <summary>
    /// The water bath's thermometer and its bench id: an immersed sample's test temperature is measured with it at the start
    /// of the electrification and at the reading time. Null: the configured <see cref="InsulationResistanceOptions.WaterBathTemperatureC"/>
    /// is the fallback, and the verdict says so.
    /// </summary>
    public (IBathThermometer Thermometer, string Id)? Bath { get; init; }

    /// <summary>The temperature source of an immersed test without a bath thermometer: the configuration key it comes from.</summary>
    public const string ConfiguredBathSource = "Bench:WaterBathTemperatureC (configured, not measured)";

    /// <summary>The temperature source of a test in air without an ambient reading.</summary>
    public const string AssumedAirSource = "assumed (no ambient reading)";

    /// <summary>
    /// Measures core <paramref name="core"/>; <paramref name="ambientC"/> is the test temperature in air (null:
    /// <see cref="InsulationResistanceOptions.TemperatureWithoutAmbientC"/>). Immersed (IEC 60227 types) the test temperature is
    /// the mean of the bath thermometer's readings (<see cref="Bath"/>), else the configured bath temperature. Readings:
    /// "insulation_resistance" (resistance_mohm, voltage_v) at the instrument's electrification time, "bath_temperature"
    /// (temperature_c, and setpoint_c when the instrument reports one) before and at the reading time. A garbled number throws
    /// <see cref="ImplausibleReadingException"/>; instrument time that does not reach the electrification time
    /// within <see cref="InsulationResistanceOptions.StepTimeout"/> throws <see cref="TimeoutException"/>.
    /// </summary>
    public async Task<StepResult> RunAsync(StepContext context, TestPlan plan, int core, double? ambientC, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        var inBath = plan.Requirements.Spec.InsulationResistanceType is not null;
        var bath = inBath ? Bath : null;
        var where = inBath
            ? string.Create(CultureInfo.InvariantCulture, $"in the water bath at {_options.WaterBathTemperatureC:0} °C (immersed for the method's time)")
            : "in air at ambient temperature";
        await context.ConnectCoreAsync(core, $"Core {core} {where}: connect it to the megohmmeter (HV terminal), the other cores, screen and water to earth", cancellationToken).ConfigureAwait(false);
        var readings = new Readings();
        if (bath is { } b)
        {
            await ReadBathAsync(context, b, readings, cancellationToken).ConfigureAwait(false);
        }

        var (curve, last) = await ElectrifyAsync(context, readings, bath, cancellationToken).ConfigureAwait(false);
        var (testTemperatureC, source) = bath is { } measured ? (readings.BathC.Average(), measured.Id)
            : inBath ? (_options.WaterBathTemperatureC, ConfiguredBathSource)
            : ambientC is { } air ? (air, _ambientSensorId)
            : (_options.TemperatureWithoutAmbientC, AssumedAirSource);
        var sensor = bath is not null ? _options.BathAccuracy : !inBath && ambientC is not null ? _options.AmbientAccuracy : null;
        var verdict = Judge(plan, last, testTemperatureC, sensor, inBath, bath is not null);
        return new StepResult(verdict, context.Time.GetUtcNow())
        {
            ReadingIds = readings.Ids,
            InstrumentIds = bath is { } used ? [_testerId, _ambientSensorId, used.Id] : [_testerId, _ambientSensorId],
            Curve = curve,
            TemperatureSource = source,
        };
    }

    /// <summary>The step's readings in order: ids (indices shared by every measurement of the step) and the bath temperatures.</summary>
    private sealed class Readings
    {
        public List<string> Ids { get; } = [];

        public List<double> BathC { get; } = [];

        public int Next { get; set; }
    }

    private static async Task ReadBathAsync(StepContext context, (IBathThermometer Thermometer, string Id) bath, Readings readings, CancellationToken cancellationToken)
    {
        var reading = await bath.Thermometer.ReadAsync(cancellationToken).ConfigureAwait(false);
        Plausibility.Require(reading.TemperatureC, "temperature_c", bath.Id);
        List<KeyValuePair<string, double>> values = [new("temperature_c", reading.TemperatureC)];
        if (reading.SetpointC is { } setpoint && Plausibility.IsPlausible(setpoint))
        {
            values.Add(new("setpoint_c", setpoint));
        }

        readings.BathC.Add(reading.TemperatureC);
        readings.Ids.Add(await context.TakeAsync("bath_temperature", bath.Id, readings.Next++, values, cancellationToken).ConfigureAwait(false));
    }

    private async Task<(List<InsulationCurvePoint> Curve, InsulationReading? Last)> ElectrifyAsync(StepContext context, Readings readings, (IBathThermometer Thermometer, string Id)? bath, CancellationToken cancellationToken)
    {
        var electrificationS = _options.Electrification.TotalSeconds;
        await _tester.ConfigureAsync(new InsulationTesterSettings(_options.TestVoltageV, _options.Electrification), cancellationToken).ConfigureAwait(false);
        var curve = new List<InsulationCurvePoint>();
        InsulationReading? last = null;
        var started = context.Time.GetTimestamp();
        await _tester.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                await Task.Delay(_options.PollInterval, context.Time, cancellationToken).ConfigureAwait(false);
                var reading = Checked(await _tester.ReadAsync(cancellationToken).ConfigureAwait(false));
                last = reading;
                if (InsulationCurve.Point(reading) is { } point)
                {
                    curve.Add(point);
                    readings.Ids.Add(await context.TakeAsync("insulation_resistance", _testerId, readings.Next++, [new("resistance_mohm", point.ResistanceMohm), new("voltage_v", reading.VoltageV)], cancellationToken, reading.ElapsedS).ConfigureAwait(false));
                }

                var (progress, remainingS) = InsulationCurve.Progress(reading.ElapsedS, electrificationS);
                await context.Progress.ReportAsync(progress, remainingS).ConfigureAwait(false);
                if (reading.ElapsedS >= electrificationS)
                {
                    if (bath is { } b)
                    {
                        // The temperature at the reading that counts, before the voltage comes off.
                        await ReadBathAsync(context, b, readings, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                }

                if (context.Time.GetElapsedTime(started) > _options.StepTimeout)
                {
                    throw new TimeoutException($"electrification did not reach {electrificationS:0} s within {_options.StepTimeout}");
                }
            }
        }
        finally
        {
            using var discharge = new CancellationTokenSource(_options.DischargeTimeout, context.Time);
            await _tester.StopAndDischargeAsync(discharge.Token).ConfigureAwait(false);
        }

        return (curve, last);
    }

    private InsulationReading Checked(InsulationReading reading)
    {
        Plausibility.Require(reading.VoltageV, "voltage_v", _testerId);
        Plausibility.Require(reading.ElapsedS, "elapsed_s", _testerId);
        if (!reading.OverRange)
        {
            Plausibility.Require(reading.ResistanceOhm, "resistance_ohm", _testerId);
        }

        return reading;
    }
}
