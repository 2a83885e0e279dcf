namespace CableTest.Instruments.Fixtures;

/// <summary>
/// The core switch of a real bench: the operator connects the core when prompted, so once the prompt is
/// answered the core is in place and nothing is left to switch.
/// </summary>
public sealed class OperatorCoreSwitch : ICoreSwitch
{
    /// <summary>The one instance (it holds no state).</summary>
    public static OperatorCoreSwitch Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask SelectCoreAsync(int core, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(core, 1);
        return ValueTask.CompletedTask;
    }
}
