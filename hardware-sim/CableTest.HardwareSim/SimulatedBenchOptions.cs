using CableTest.HardwareSim.Replay;
using CableTest.HardwareSim.Scenarios;
using CableTest.HardwareSim.Serving;
using Microsoft.Extensions.Logging;

namespace CableTest.HardwareSim;

/// <summary>How to start a <see cref="SimulatedBench"/>.</summary>
public sealed class SimulatedBenchOptions
{
    /// <summary>Scenario name from the library (ignored when <see cref="ScenarioDefinition"/> or <see cref="ReplayFile"/> is set).</summary>
    public string Scenario { get; set; } = "good-bv-2.5";

    /// <summary>A scenario given inline instead of by name.</summary>
    public ScenarioDefinition? ScenarioDefinition { get; set; }

    /// <summary>Extra scenario directories (every <c>*.json</c>), besides the shipped ones.</summary>
    public IList<string> ScenarioDirectories { get; } = [];

    /// <summary>Instrument seconds per wall second.</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Seed of every noise source and the per-core spread.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Where the serial endpoints' stable symlinks go (created if missing).</summary>
    public required string WorkDirectory { get; set; }

    /// <summary>Port of the withstand tester's Modbus TCP endpoint on loopback; 0 picks a free one.</summary>
    public int ModbusTcpPort { get; set; }

    /// <summary>Line-rate emulation on every serial endpoint (null: bytes as fast as the pty moves them).</summary>
    public LineRateOptions? LineRate { get; set; }

    /// <summary>Line-rate emulation per role, overriding <see cref="LineRate"/>.</summary>
    public IDictionary<string, LineRateOptions> LineRateByRole { get; } = new Dictionary<string, LineRateOptions>(StringComparer.Ordinal);

    /// <summary>Faults active from the start (besides the scenario's own).</summary>
    public IList<FaultDefinition> Faults { get; } = [];

    /// <summary>Replay this run recording instead of simulating.</summary>
    public string? ReplayFile { get; set; }

    /// <summary>Replay at the recorded timing or as fast as possible.</summary>
    public ReplayTiming ReplayTiming { get; set; } = ReplayTiming.Recorded;

    /// <summary>Wall clock (tests: a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(WorkDirectory))
        {
            throw new ArgumentException($"{nameof(WorkDirectory)} is required");
        }

        if (!double.IsFinite(TimeScale) || TimeScale <= 0 || TimeScale > 100_000)
        {
            throw new ArgumentException($"{nameof(TimeScale)} must be within (0, 100000], was {TimeScale}");
        }

        if (ModbusTcpPort is < 0 or > 65535)
        {
            throw new ArgumentException($"{nameof(ModbusTcpPort)} must be within 0..65535");
        }

        if (ReplayFile is null && ScenarioDefinition is null && string.IsNullOrWhiteSpace(Scenario))
        {
            throw new ArgumentException($"{nameof(Scenario)} is required (or {nameof(ReplayFile)})");
        }

        foreach (var (role, lineRate) in LineRateByRole.Append(new("*", LineRate ?? new LineRateOptions())))
        {
            if (lineRate.ReplyDelay < TimeSpan.Zero || lineRate.ReplyDelay > TimeSpan.FromSeconds(10))
            {
                throw new ArgumentException($"line rate for {role}: reply delay must be within 0..10 s");
            }
        }
    }
}
