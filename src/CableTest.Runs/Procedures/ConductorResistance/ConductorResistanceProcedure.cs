using System.Globalization;
using CableTest.Domain;
using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Drivers;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;

namespace CableTest.Runs.Procedures.ConductorResistance;

/// <summary>
/// Conductor DC resistance of one core (GB/T 3048.4): the operator connects the core, the meter is set to the
/// range for the expected resistance, <see cref="ConductorResistanceOptions.Readings"/> readings are averaged and
/// judged at the ambient temperature. Over range ends the readings with an invalid verdict.
/// </summary>
public sealed class ConductorResistanceProcedure
{
    /// <summary>The method named in the verdict.</summary>
    public const string MethodName = "GB/T 3048.4-2007, 4-wire, forward/reverse averaged";

    private readonly IConductorResistanceMeter _meter;
    private readonly string _meterId;
    private readonly string _ambientSensorId;
    private readonly ConductorResistanceOptions _options;
    private readonly VerdictEngine _engine;

    /// <param name="meter">The micro-ohmmeter.</param>
    /// <param name="meterId">Its bench id.</param>
    /// <param name="ambientSensorId">Bench id of the ambient sensor (its temperature is part of the evidence).</param>
    /// <param name="options">Validated here.</param>
    /// <param name="engine">Verdict engine and catalogue; null: <see cref="VerdictEngine.Default"/>.</param>
    public ConductorResistanceProcedure(IConductorResistanceMeter meter, string meterId, string ambientSensorId, ConductorResistanceOptions options, VerdictEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentException.ThrowIfNullOrWhiteSpace(meterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ambientSensorId);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_meter, _meterId, _ambientSensorId, _options, _engine) = (meter, meterId, ambientSensorId, options, engine ?? VerdictEngine.Default);
    }

    /// <summary>Measures core <paramref name="core"/> of the plan's sample and judges it at <paramref name="ambientC"/> (null: not taken).</summary>
    public async Task<StepResult> RunAsync(StepContext context, TestPlan plan, int core, double? ambientC, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        var lengthM = plan.Sample.LengthM;
        if (!double.IsFinite(lengthM) || lengthM <= 0)
        {
            return Result(context, StepVerdicts.Error(TestKind.ConductorResistance, ReasonCodes.InvalidInput,
                string.Create(CultureInfo.InvariantCulture, $"sample length {lengthM} m is not a positive length: register the sample with the length between the potential terminals")), [], ambientC);
        }

        await context.ConnectCoreAsync(core, $"Connect core {core} to the micro-ohmmeter (4-wire, current and potential leads at both ends)", cancellationToken).ConfigureAwait(false);
        var limit = _engine.Catalogue.FindConductorResistanceLimit(plan.Requirements.Conductor);
        var expectedOhm = RangeSelection.ExpectedOhm(limit.Found ? limit.Value!.MaxOhmPerKm : null, lengthM, _options.ExpectedOhmWithoutLimit);
        var rangeOhm = RangeSelection.RangeOhm(expectedOhm, _options.RangeHeadroom, _options.MinRangeOhm);
        await _meter.ConfigureAsync(new ResistanceMeterSettings(rangeOhm), cancellationToken).ConfigureAwait(false);
        var values = new List<double>();
        var readingIds = new List<string>();
        var overRange = false;
        // The meter keeps no time of its own: each reading is filed at the instrument-side time since this core's
        // first measurement began (the charts' time axis).
        var started = context.Time.GetTimestamp();
        for (var i = 0; i < _options.Readings; i++)
        {
            var reading = await _meter.MeasureAsync(cancellationToken).ConfigureAwait(false);
            if (reading.OverRange)
            {
                overRange = true;
                break;
            }

            var ohm = Plausibility.Require(reading.ResistanceOhm, "resistance_ohm", _meterId);
            values.Add(ohm);
            readingIds.Add(await context.TakeAsync("conductor_resistance", _meterId, i, [new("resistance_ohm", ohm)], cancellationToken,
                context.Time.GetElapsedTime(started).TotalSeconds).ConfigureAwait(false));
            await context.Progress.ReportAsync((i + 1.0) / _options.Readings, null).ConfigureAwait(false);
        }

        TestVerdict verdict;
        if (overRange)
        {
            verdict = StepVerdicts.Problem(TestKind.ConductorResistance, "over_range", "the micro-ohmmeter reported over range (9.9E37): no value, check the connection and range");
        }
        else if (ambientC is not { } ambient)
        {
            verdict = StepVerdicts.Problem(TestKind.ConductorResistance, "no_temperature", "no ambient temperature was taken");
        }
        else if (!Plausibility.IsPlausible(ambient))
        {
            verdict = StepVerdicts.Error(TestKind.ConductorResistance, ReasonCodes.InvalidInput,
                string.Create(CultureInfo.InvariantCulture, $"ambient temperature {ambient} °C is not a number: repeat the ambient check"));
        }
        else
        {
            verdict = _engine.EvaluateConductorResistance(
                new ConductorResistanceInput(plan.Requirements.Conductor, (decimal)values.Average(), (decimal)lengthM, (decimal)Math.Round(ambient, 2), plan.Settings.Kt)
                {
                    AmbientWindowC = new TemperatureRange((decimal)_options.AmbientMinC, (decimal)_options.AmbientMaxC),
                    MethodName = MethodName,
                    Edition = plan.Settings.Edition,
                    Uncertainty = _options.MeterAccuracy is { } accuracy
                        ? new(new InstrumentUse(accuracy, (decimal)rangeOhm), _options.ThermometerAccuracy is { } t ? new InstrumentUse(t) : null,
                            _options.LengthTapeClass is { } tape ? LengthTolerance.Tape(tape, (decimal)lengthM) : null)
                        : null,
                },
                plan.Settings.Rule);
        }

        return Result(context, verdict, readingIds, ambientC);
    }

    /// <summary>The step's result; the temperature source is the ambient sensor when its temperature was taken.</summary>
    private StepResult Result(StepContext context, TestVerdict verdict, IReadOnlyList<string> readingIds, double? ambientC) =>
        new(verdict, context.Time.GetUtcNow()) { ReadingIds = readingIds, InstrumentIds = [_meterId, _ambientSensorId], TemperatureSource = ambientC is null ? "" : _ambientSensorId };
}
