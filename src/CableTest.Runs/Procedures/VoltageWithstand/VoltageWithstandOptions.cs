using CableTest.Domain.Uncertainty;

namespace CableTest.Runs.Procedures.VoltageWithstand;

/// <summary>How the withstand step programs the hipot tester (GB/T 3048.8; the host fills these from the method data and the bench).</summary>
public sealed record VoltageWithstandOptions
{
    /// <summary>Ramp-up and ramp-down time.</summary>
    public TimeSpan Ramp { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Trip current programmed on the tester.</summary>
    public double LeakageLimitMa { get; init; } = 50;

    /// <summary>AC test frequency (also sent, and ignored by the tester, for DC).</summary>
    public double FrequencyHz { get; init; } = 50;

    /// <summary>Wait before each status poll.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The program must finish within this.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the output-off command after the test may take.</summary>
    public TimeSpan OutputOffTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Trip on arcing.</summary>
    public bool ArcDetection { get; init; } = true;

    /// <summary>The tester's voltmeter accuracy (voltage_v): with it the verdict carries the budget of the applied voltage. Null: no budget.</summary>
    public InstrumentAccuracy? VoltmeterAccuracy { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Ramp, TimeSpan.Zero, nameof(Ramp));
        ArgumentOutOfRangeException.ThrowIfLessThan(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StepTimeout, TimeSpan.Zero, nameof(StepTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(OutputOffTimeout, TimeSpan.Zero, nameof(OutputOffTimeout));
        if (!double.IsFinite(LeakageLimitMa) || LeakageLimitMa <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LeakageLimitMa), LeakageLimitMa, "must be a positive current");
        }

        if (!double.IsFinite(FrequencyHz) || FrequencyHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(FrequencyHz), FrequencyHz, "must be a positive frequency");
        }
    }
}
