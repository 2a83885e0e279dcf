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

    /// <summary>Water-bath temperature (configured, not measured) for cables tested immersed.</summary>
    public double WaterBathTemperatureC { get; init; } = 70;

    /// <summary>Test temperature in air when no ambient temperature was taken.</summary>
    public double TemperatureWithoutAmbientC { get; init; } = 20;

    /// <summary>A measured voltage within this fraction of <see cref="TestVoltageV"/> is judged as the nominal voltage.</summary>
    public double NominalVoltageTolerance { get; init; } = 0.02;

    /// <summary>The electrification must reach its time within this (instrument time not advancing: a fault).</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long stop-and-discharge may take after the readings.</summary>
    public TimeSpan DischargeTimeout { get; init; } = TimeSpan.FromSeconds(60);

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
