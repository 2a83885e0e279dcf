namespace CableTest.Instruments.Drivers;

/// <summary>What every driver offers.</summary>
public interface IInstrument
{
    /// <summary>The role this driver plays.</summary>
    InstrumentRole Role { get; }

    /// <summary>The profile driving it.</summary>
    string ProfileName { get; }

    /// <summary>Asks the instrument who it is (or reports the profile's identity when it cannot tell).</summary>
    Task<InstrumentIdentity> IdentifyAsync(CancellationToken cancellationToken);
}
