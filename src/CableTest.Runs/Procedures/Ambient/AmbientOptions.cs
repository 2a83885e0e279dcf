namespace CableTest.Runs.Procedures.Ambient;

/// <summary>How the ambient check samples and what it accepts (GB/T 3048.4 ambient window; the host fills these from the method data).</summary>
public sealed record AmbientOptions
{
    /// <summary>Readings averaged.</summary>
    public int Readings { get; init; } = 3;

    /// <summary>Wait after each reading.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Lowest acceptable mean temperature.</summary>
    public double MinC { get; init; } = 15;

    /// <summary>Highest acceptable mean temperature.</summary>
    public double MaxC { get; init; } = 25;

    /// <summary>Largest spread (max − min) of the readings for a settled room.</summary>
    public double MaxSpreadK { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Readings, 1, nameof(Readings));
        ArgumentOutOfRangeException.ThrowIfLessThan(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        if (!double.IsFinite(MinC) || !double.IsFinite(MaxC) || MinC > MaxC)
        {
            throw new ArgumentException($"ambient window {MinC}..{MaxC} °C must be finite with MinC <= MaxC", nameof(MinC));
        }

        if (!double.IsFinite(MaxSpreadK) || MaxSpreadK < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSpreadK), MaxSpreadK, "must be a finite, non-negative spread");
        }
    }
}
