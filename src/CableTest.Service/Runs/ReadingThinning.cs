using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

/// <summary>
/// Which live readings a watcher gets at the rate it asked for, counted in instrument time (the readings' step time)
/// per step, core and quantity: on hardware that is the wall clock, and a simulated bench running at a time scale
/// still sends a curve (thinned on the wall clock, a 300 s dwell at 300x came through as two points and the chart drew
/// a diagonal). Readings without a step time (a meter's few discrete readings per core) are all sent.
/// </summary>
internal sealed class ReadingThinning(double readingsPerSecond)
{
    private readonly double _minGapS = readingsPerSecond > 0 ? 1 / readingsPerSecond : 0;
    private readonly Dictionary<(string Step, string Core, string Quantity), double> _lastKeptS = [];

    /// <summary>True when <paramref name="reading"/> is sent; a kept reading starts the next gap.</summary>
    public bool Keep(V1.Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (_minGapS <= 0 || !(reading.StepTimeS > 0))
        {
            return true;
        }

        var key = (reading.StepId, reading.Core, reading.Quantity);
        if (_lastKeptS.TryGetValue(key, out var last) && reading.StepTimeS >= last && reading.StepTimeS - last < _minGapS)
        {
            return false;
        }

        _lastKeptS[key] = reading.StepTimeS;
        return true;
    }
}
