using CableTest.Domain.Uncertainty;

namespace CableTest.Runs.Procedures.InsulationResistance;

/// <summary>How the insulation-resistance step measures (GB/T 3048.5; the host fills these from the method data and the bench).</summary>
public sealed record InsulationResistanceOptions
{
    /// <summary>DC test voltage set on the megohmmeter (80–500 V).</summary>
    public double TestVoltageV { get; init; } = 500;

    /// <summary>Time under voltage before the reading that counts.</summary>
    public TimeSpan Electrification { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Wait before each reading.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Water-bath temperature for cables tested immersed: the setpoint named in the prompt, and the test temperature only when the bench has no bath thermometer (a fallback the verdict flags).</summary>
    public double WaterBathTemperatureC { get; init; } = 70;

    /// <summary>Test temperature in air when no ambient temperature was taken.</summary>
    public double TemperatureWithoutAmbientC { get; init; } = 20;

    /// <summary>A measured voltage within this fraction of <see cref="TestVoltageV"/> is judged as the nominal voltage.</summary>
    public double NominalVoltageTolerance { get; init; } = 0.02;

    /// <summary>The electrification must reach its time within this (instrument time not advancing: a fault).</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long stop-and-discharge may take after the readings.</summary>
    public TimeSpan DischargeTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The tester's accuracy: for resistance_ohm (a megohmmeter specified by resistance), or for its V-source (voltage_v)
    /// and ammeter (current_a) when it measures R = V / I. With them the verdict carries the uncertainty budget. Null: no budget.
    /// </summary>
    public InstrumentAccuracy? MeterAccuracy { get; init; }

    /// <summary>The bath thermometer's accuracy (temperature_c): the measured test temperature's own budget when the cable is tested in the bath.</summary>
    public InstrumentAccuracy? BathAccuracy { get; init; }

    /// <summary>The ambient sensor's accuracy (temperature_c): the test temperature's budget when the cable is tested in air.</summary>
    public InstrumentAccuracy? AmbientAccuracy { get; init; }

    /// <summary>The V-source's accuracy (voltage_v), with <see cref="AmmeterAccuracy"/>, when the tester measures R = V / I.</summary>
    public InstrumentAccuracy? SourceAccuracy { get; init; }

    /// <summary>The ammeter's accuracy (current_a), with <see cref="SourceAccuracy"/>.</summary>
    public InstrumentAccuracy? AmmeterAccuracy { get; init; }

    /// <summary>How the immersed length is measured: a tape of accuracy class 1, 2 or 3; null: not in the budget.</summary>
    public int? LengthTapeClass { get; init; }

    /// <summary>Limit of error of d and D (mm), for Ki and rho; null: not in the budget.</summary>
    public decimal? DiameterToleranceMm { get; init; }

    /// <summary>
    /// The uncertainty inputs for a sample of <paramref name="lengthM"/> whose test temperature came from
    /// <paramref name="temperatureSensor"/> (null: configured or assumed), or null when no accuracy is given.
    /// </summary>
    public InsulationUncertaintyInputs? UncertaintyFor(double lengthM, InstrumentAccuracy? temperatureSensor)
    {
        var length = LengthTapeClass is { } tape ? LengthTolerance.Tape(tape, (decimal)lengthM) : null;
        var diameters = DiameterToleranceMm is { } mm ? new LengthTolerance(mm, "diameter tolerance (bench setting)", "lab") : null;
        var thermometer = temperatureSensor is { } sensor ? new InstrumentUse(sensor) : null;
        return MeterAccuracy is { } meter ? new(new InstrumentUse(meter), null, length, diameters, thermometer)
            : SourceAccuracy is { } source && AmmeterAccuracy is { } ammeter ? new(null, new SourceMeasureUse(source, ammeter), length, diameters, thermometer)
            : null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (!double.IsFinite(TestVoltageV) || TestVoltageV <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TestVoltageV), TestVoltageV, "must be a positive voltage");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Electrification, TimeSpan.Zero, nameof(Electrification));
        ArgumentOutOfRangeException.ThrowIfLessThan(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StepTimeout, TimeSpan.Zero, nameof(StepTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DischargeTimeout, TimeSpan.Zero, nameof(DischargeTimeout));
        if (!double.IsFinite(WaterBathTemperatureC) || !double.IsFinite(TemperatureWithoutAmbientC))
        {
            throw new ArgumentException("temperatures must be finite", nameof(WaterBathTemperatureC));
        }

        if (!double.IsFinite(NominalVoltageTolerance) || NominalVoltageTolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NominalVoltageTolerance), NominalVoltageTolerance, "must be a non-negative fraction");
        }
    }
}
