using System.Diagnostics;

namespace CableTest.Transports;

/// <summary>
/// The fast path of the channels' reads: look for data on the reading thread, spinning without sleeping, for a
/// short budget before parking on the socket or the poll thread. A reply that arrives within microseconds is then
/// taken without a wake-up and a thread-pool hop.
/// </summary>
internal static class ReadSpin
{
    /// <summary>True as soon as <paramref name="ready"/> holds; false when <paramref name="budget"/> (zero: no spinning) ran out first.</summary>
    public static bool Until<TState>(TState state, Func<TState, bool> ready, TimeSpan budget)
    {
        if (budget <= TimeSpan.Zero)
        {
            return false;
        }

        var started = Stopwatch.GetTimestamp();
        var spinner = default(SpinWait);
        while (Stopwatch.GetElapsedTime(started) < budget)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
            if (ready(state))
            {
                return true;
            }
        }

        return false;
    }
}
