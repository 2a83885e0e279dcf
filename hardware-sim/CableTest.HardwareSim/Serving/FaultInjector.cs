using System.Globalization;

namespace CableTest.HardwareSim.Serving;

/// <summary>
/// The faults active on one device, in injection order. Each exchange takes the first fault that applies to it
/// (counting it down); a fault with count 0 stays until cleared. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private static long nextId;
    private readonly Lock gate = new();
    private readonly List<InjectedFault> faults = [];

    /// <summary>Adds a fault; returns its id.</summary>
    public string Add(FaultKind kind, double parameter, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var id = "fault-" + Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
        lock (gate)
        {
            faults.Add(new InjectedFault(id, kind, parameter, count));
        }

        return id;
    }

    /// <summary>Removes every fault; returns how many there were.</summary>
    public int Clear()
    {
        lock (gate)
        {
            var n = faults.Count;
            faults.Clear();
            return n;
        }
    }

    /// <summary>Faults now active.</summary>
    public IReadOnlyList<InjectedFault> Active
    {
        get
        {
            lock (gate)
            {
                return [.. faults];
            }
        }
    }

    /// <summary>Takes the first fault of a kind in <paramref name="applies"/> for one exchange, or null.</summary>
    public InjectedFault? Next(Func<FaultKind, bool> applies)
    {
        ArgumentNullException.ThrowIfNull(applies);
        lock (gate)
        {
            var i = faults.FindIndex(f => applies(f.Kind));
            if (i < 0)
            {
                return null;
            }

            var fault = faults[i];
            if (fault.Remaining == 1)
            {
                faults.RemoveAt(i);
            }
            else if (fault.Remaining > 1)
            {
                faults[i] = fault with { Remaining = fault.Remaining - 1 };
            }

            return fault;
        }
    }
}
