namespace CableTest.Instruments.Drivers;

/// <summary>A micro-ohmmeter measuring conductor DC resistance, 4-wire.</summary>
public interface IConductorResistanceMeter : IInstrument
{
    /// <summary>Applies range, connection and averaging; the instrument must accept every setting.</summary>
    Task ConfigureAsync(ResistanceMeterSettings settings, CancellationToken cancellationToken);

    /// <summary>Triggers and reads one measurement.</summary>
    Task<ResistanceReading> MeasureAsync(CancellationToken cancellationToken);
}
