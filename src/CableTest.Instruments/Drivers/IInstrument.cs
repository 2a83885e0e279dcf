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

    /// <summary>
    /// Asks the instrument something that changes nothing (SCPI <c>*IDN?</c>, one Modbus input register read), to learn
    /// whether it answers now; throws as any exchange does when it does not. <see cref="IdentifyAsync"/> may answer
    /// from what it learnt before (or from the profile) and is no such proof.
    /// </summary>
    Task PingAsync(CancellationToken cancellationToken);
}
