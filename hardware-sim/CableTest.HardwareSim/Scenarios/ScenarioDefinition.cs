namespace CableTest.HardwareSim.Scenarios;

/// <summary>A named bench situation: the sample, the climate, the instruments and any faults from the start.</summary>
public sealed record ScenarioDefinition
{
    /// <summary>Unique name, e.g. <c>good-bv-2.5</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What it shows and what verdict the product should reach.</summary>
    public required string Description { get; init; }

    /// <summary>The cable on the bench.</summary>
    public required SampleDefinition Sample { get; init; }

    /// <summary>Laboratory climate.</summary>
    public AmbientDefinition Ambient { get; init; } = new();

    /// <summary>The water bath (IEC 60227 insulation resistance at 70 °C).</summary>
    public BathDefinition Bath { get; init; } = new();

    /// <summary>Instrument parameters.</summary>
    public DeviceDefinition Devices { get; init; } = new();

    /// <summary>Faults active from the start.</summary>
    public IReadOnlyList<FaultDefinition> Faults { get; init; } = [];

    /// <summary>Where it was loaded from.</summary>
    public string Source { get; init; } = "";
}
