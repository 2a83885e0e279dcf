namespace CableTest.Service.Dashboard;

/// <summary>
/// What the station view shows of a run: the banner (outcome, how it ended and why) and one row per measurement. From the
/// run's verdict record once it is on the record, from its finished steps before.
/// </summary>
/// <param name="State">Run state, proto name ("RUN_STATE_COMPLETED").</param>
/// <param name="Outcome">Overall outcome, proto name; "OUTCOME_UNSPECIFIED" while the run is not judged.</param>
/// <param name="Recorded">True when the verdict record is written (the rows are the record's).</param>
/// <param name="Simulated">True when the run was made on the simulator.</param>
/// <param name="Ending">How the run ended when it did not complete; null otherwise.</param>
internal sealed record DashboardResults(
    string RunId,
    string SampleId,
    string ProductSpec,
    string State,
    string Outcome,
    bool Recorded,
    bool Simulated,
    DashboardEnding? Ending,
    IReadOnlyList<DashboardRow> Rows);
