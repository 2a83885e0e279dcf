namespace CableTest.Storage.Influx.ReadBack;

/// <summary>Counts what a sink holds, to compare with what it acknowledged.</summary>
public interface ISinkReadBack
{
    /// <summary>The sink's timestamp resolution in nanoseconds (points closer than this are one point there).</summary>
    long ResolutionNs { get; }

    /// <summary>
    /// Per series field, how many points the sink holds with timestamps in [<paramref name="fromNs"/>,
    /// <paramref name="toNs"/>]; null when this sink cannot be asked (then only restarts are watched).
    /// </summary>
    Task<IReadOnlyDictionary<SeriesField, long>?> CountAsync(IReadOnlyCollection<SeriesField> fields, long fromNs, long toNs, CancellationToken cancellationToken);
}
