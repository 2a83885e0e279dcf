using CableTest.Instruments.Recording;

namespace CableTest.HardwareSim.Replay;

/// <summary>A loaded recording split by line, and the divergences found while replaying it. Thread-safe.</summary>
public sealed class ReplayScript
{
    private readonly Lock gate = new();
    private readonly List<ReplayDivergence> divergences = [];

    /// <summary>Splits <paramref name="recording"/> by line.</summary>
    public ReplayScript(Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        Recording = recording;
        Lines = recording.Exchanges
            .GroupBy(e => e.Line, StringComparer.Ordinal)
            .Select(g => new ReplayLine(g.Key, g.First().Protocol, g.ToArray(), Add))
            .ToArray();
    }

    /// <summary>The recording.</summary>
    public Recording Recording { get; }

    /// <summary>One per recorded line, in order of first appearance.</summary>
    public IReadOnlyList<ReplayLine> Lines { get; }

    /// <summary>Raised (on a serving loop) for each divergence.</summary>
    public event Action<ReplayDivergence>? Diverged;

    /// <summary>Divergences so far.</summary>
    public IReadOnlyList<ReplayDivergence> Divergences
    {
        get
        {
            lock (gate)
            {
                return [.. divergences];
            }
        }
    }

    /// <summary>Exchanges answered, all lines.</summary>
    public int Answered => Lines.Sum(l => l.Answered);

    /// <summary>Exchanges not reached, all lines.</summary>
    public int Remaining => Lines.Sum(l => l.Remaining);

    private void Add(ReplayDivergence divergence)
    {
        lock (gate)
        {
            divergences.Add(divergence);
        }

        Diverged?.Invoke(divergence);
    }
}
