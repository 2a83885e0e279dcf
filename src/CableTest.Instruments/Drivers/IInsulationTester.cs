namespace CableTest.Instruments.Drivers;

/// <summary>A megohmmeter: applies a DC test voltage and reads insulation resistance over electrification time.</summary>
public interface IInsulationTester : IInstrument
{
    /// <summary>Sets test voltage and electrification time.</summary>
    Task ConfigureAsync(InsulationTesterSettings settings, CancellationToken cancellationToken);

    /// <summary>Applies the test voltage (electrification starts).</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Reads the present resistance, voltage and elapsed time.</summary>
    Task<InsulationReading> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Removes the voltage and discharges the sample; returns once the instrument confirms discharge.</summary>
    Task StopAndDischargeAsync(CancellationToken cancellationToken);
}
