namespace CableTest.Instruments.Drivers;

/// <summary>A hipot tester. Every implementation must make <see cref="OutputOffAsync"/> work in any state.</summary>
public interface IWithstandTester : IInstrument
{
    /// <summary>Loads a test program (output stays off).</summary>
    Task ConfigureAsync(WithstandSettings settings, CancellationToken cancellationToken);

    /// <summary>Starts the program (ramp up, dwell, ramp down). Refused by the tester when the interlock is open.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Reads state, output, leakage, interlock.</summary>
    Task<WithstandStatus> ReadStatusAsync(CancellationToken cancellationToken);

    /// <summary>Commands the output off and returns only once the tester confirms it is off; throws otherwise.</summary>
    Task OutputOffAsync(CancellationToken cancellationToken);
}
