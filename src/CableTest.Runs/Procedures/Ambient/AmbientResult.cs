namespace CableTest.Runs.Procedures.Ambient;

/// <summary>What the ambient check found.</summary>
/// <param name="MeanC">Mean temperature of the readings (the conductor temperature for the resistance steps).</param>
/// <param name="SpreadK">Max − min of the readings.</param>
/// <param name="InsideWindow">The mean is within the method's window.</param>
/// <param name="Settled">The spread is within the allowed spread.</param>
/// <param name="ReadingIds">Ids of the readings taken, in order.</param>
/// <param name="Notes">Lines for the run log (already logged through the step's progress).</param>
/// <param name="MeasuredAt">When the check finished.</param>
public sealed record AmbientResult(double MeanC, double SpreadK, bool InsideWindow, bool Settled, IReadOnlyList<string> ReadingIds, IReadOnlyList<string> Notes, DateTimeOffset MeasuredAt)
{
    /// <summary>Inside the window and settled.</summary>
    public bool Acceptable => InsideWindow && Settled;
}
