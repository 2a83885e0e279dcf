namespace CableTest.Service.Bench;

/// <summary>One reason the bench cannot start a run now, as StartRun's FAILED_PRECONDITION lists it.</summary>
/// <param name="Kind">One of the constants below (the violation's type).</param>
/// <param name="Subject">The instrument id (the bench id when the bench itself is not ready).</param>
/// <param name="Description">In words, naming the instrument, its role and what it answered.</param>
public sealed record BenchProblem(string Kind, string Subject, string Description)
{
    /// <summary>The bench has not connected yet.</summary>
    public const string NotConnected = "bench_not_connected";

    /// <summary>No instrument is configured for a role the run needs.</summary>
    public const string NoInstrument = "instrument_missing";

    /// <summary>An instrument the run needs does not answer.</summary>
    public const string Unreachable = "instrument_unreachable";

    /// <summary>The withstand tester's output has not been confirmed off (whatever the run needs).</summary>
    public const string HighVoltageNotConfirmedOff = "high_voltage_not_confirmed_off";
}
