namespace CableTest.Storage.Outbox;

/// <summary>Configuration section <c>Outbox</c>: the durable journal every reading enters first.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Directory of the journal segments, cursors and quarantine (relative: under DataDirectory).</summary>
    public string Directory { get; set; } = "outbox";

    /// <summary>Bound on the journal's size on disk; appends are refused beyond it.</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>Bound on the age of the oldest undelivered reading; appends are refused beyond it.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Size at which a segment file is closed and a new one started.</summary>
    public long SegmentBytes { get; set; } = 16L << 20;

    /// <summary>
    /// How long journal segments stay on disk after every consumer delivered them, so that a sink that
    /// lost points it had acknowledged (restarted before flushing them) can be sent them again. Counts
    /// toward <see cref="MaxBytes"/>; given up first when the journal needs room for new readings.
    /// </summary>
    public TimeSpan RetainDelivered { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Longest time a consumer's delivered position stays in memory only. A crash re-delivers at most
    /// this window (harmless: points are keyed by series and timestamp); readings themselves are always
    /// fsync'd before they count as taken.
    /// </summary>
    public TimeSpan CursorSyncInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Write the journal around the page cache (Linux <c>O_DIRECT</c>, each group commit still fdatasync'd)
    /// where the file system allows it; elsewhere, or with false, through the page cache. Both are equally
    /// durable; direct writes cost the bench PC a fraction of the CPU (docs/influx.md).
    /// </summary>
    public bool DirectWrites { get; set; } = true;

    /// <summary>Fill fraction (of either bound) that raises the warning alarm.</summary>
    public double WarningFraction { get; set; } = 0.5;

    /// <summary>Fill fraction (of either bound) that raises the critical alarm.</summary>
    public double CriticalFraction { get; set; } = 0.8;
}
