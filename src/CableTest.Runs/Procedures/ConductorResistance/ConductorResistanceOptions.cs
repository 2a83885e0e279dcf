using CableTest.Domain.Uncertainty;

namespace CableTest.Runs.Procedures.ConductorResistance;

/// <summary>How the conductor-resistance step measures (GB/T 3048.4; the host fills these from the method data).</summary>
public sealed record ConductorResistanceOptions
{
    /// <summary>Readings averaged (each a forward/reverse average by the meter).</summary>
    public int Readings { get; init; } = 3;

    /// <summary>The range must reach this multiple of the expected resistance.</summary>
    public double RangeHeadroom { get; init; } = 1.5;

    /// <summary>Smallest range asked for.</summary>
    public double MinRangeOhm { get; init; } = 1e-3;

    /// <summary>Expected resistance when the catalogue has no limit for the conductor.</summary>
    public double ExpectedOhmWithoutLimit { get; init; } = 10;

    /// <summary>Lowest ambient (conductor) temperature the method accepts.</summary>
    public double AmbientMinC { get; init; } = 15;

    /// <summary>Highest ambient (conductor) temperature the method accepts.</summary>
    public double AmbientMaxC { get; init; } = 25;

    /// <summary>
    /// The meter's accuracy for resistance_ohm (its profile's "accuracy"): with it the verdict carries the uncertainty
    /// budget of R20 on the range the step chose, and a rule may take U from it. Null: no budget (issue 12).
    /// </summary>
    public InstrumentAccuracy? MeterAccuracy { get; init; }

    /// <summary>The ambient sensor's accuracy for temperature_c, through the temperature correction; null: not in the budget.</summary>
    public InstrumentAccuracy? ThermometerAccuracy { get; init; }

    /// <summary>How the sample length is measured: a tape of accuracy class 1, 2 or 3 (±(a + b L)); null: not in the budget.</summary>
    public int? LengthTapeClass { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Readings, 1, nameof(Readings));
        Positive(RangeHeadroom, nameof(RangeHeadroom));
        Positive(MinRangeOhm, nameof(MinRangeOhm));
        Positive(ExpectedOhmWithoutLimit, nameof(ExpectedOhmWithoutLimit));
        if (!double.IsFinite(AmbientMinC) || !double.IsFinite(AmbientMaxC) || AmbientMinC > AmbientMaxC)
        {
            throw new ArgumentException($"ambient window {AmbientMinC}..{AmbientMaxC} °C must be finite with AmbientMinC <= AmbientMaxC", nameof(AmbientMinC));
        }
    }

    private static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be a finite positive number");
        }
    }
}
