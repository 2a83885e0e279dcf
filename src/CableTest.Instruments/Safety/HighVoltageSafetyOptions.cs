namespace CableTest.Instruments.Safety;

/// <summary>How hard <see cref="HighVoltageSafety"/> tries.</summary>
public sealed class HighVoltageSafetyOptions
{
    /// <summary>Output-off attempts before the state counts as not confirmed.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>Deadline of one output-off attempt.</summary>
    public TimeSpan OutputOffTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deadline of the insulation tester's stop and discharge.</summary>
    public TimeSpan DischargeTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
