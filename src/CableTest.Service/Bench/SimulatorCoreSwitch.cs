using CableTest.HardwareSim;
using CableTest.Instruments.Fixtures;

namespace CableTest.Service.Bench;

/// <summary>The embedded simulated bench's core switch: once the operator's prompt is answered, the simulator's model measures that core.</summary>
internal sealed class SimulatorCoreSwitch(SimulatedBench simulator) : ICoreSwitch
{
    /// <inheritdoc />
    public ValueTask SelectCoreAsync(int core, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(core, 1);
        simulator.SelectCore(core);
        return ValueTask.CompletedTask;
    }
}
