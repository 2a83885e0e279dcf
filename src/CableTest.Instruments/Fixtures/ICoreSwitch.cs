namespace CableTest.Instruments.Fixtures;

/// <summary>
/// Puts a core of the sample on the measuring leads. On a real bench the operator does it (the run
/// prompts first, and the switch only records the choice); a simulated bench switches its model.
/// </summary>
public interface ICoreSwitch
{
    /// <summary>Selects core <paramref name="core"/> (1-based); returns once it is connected.</summary>
    ValueTask SelectCoreAsync(int core, CancellationToken cancellationToken);
}
