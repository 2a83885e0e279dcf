namespace CableTest.Storage.Influx;

/// <summary>Which InfluxDB write API to use.</summary>
public enum InfluxApi
{
    /// <summary>InfluxDB 1.x: <c>POST /write?db=&amp;rp=&amp;precision=</c>, basic auth.</summary>
    V1,

    /// <summary>InfluxDB 2.x / 3.x and compatible servers: <c>POST /api/v2/write?org=&amp;bucket=&amp;precision=</c>, token auth.</summary>
    V2,
}

/// <summary>
/// Configuration section <c>Influx</c>. Leave <see cref="Url"/> empty to keep readings locally only
/// (the embedded default); set it to stream every reading to InfluxDB through the durable outbox.
/// </summary>
public sealed class InfluxOptions
{
    public const string Section = "Influx";

    /// <summary>Server root, e.g. <c>http://influx.lab:8086</c>. Empty: no forwarding.</summary>
    public string? Url { get; set; }

    public InfluxApi Api { get; set; } = InfluxApi.V1;

    /// <summary>v1 database.</summary>
    public string? Database { get; set; }

    /// <summary>v1 retention policy (empty: the database default).</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>v2 organisation.</summary>
    public string? Org { get; set; }

    /// <summary>v2 bucket.</summary>
    public string? Bucket { get; set; }

    /// <summary>v2 token (sent as <c>Authorization: Token ...</c>; never logged).</summary>
    public string? Token { get; set; }

    /// <summary>v1 user (basic auth; never logged with its password).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Timestamp precision of readings: ns (default), us, ms or s.</summary>
    public string Precision { get; set; } = "ns";

    /// <summary>Points per write request.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Upper bound on a request body before compression.</summary>
    public int MaxBatchBytes { get; set; } = 8 << 20;

    /// <summary>
    /// Batches posted at once. The next batches are read and posted while earlier ones wait for the
    /// server's answer; the delivery cursor still advances in journal order, only over the batches
    /// acknowledged without a gap (a point is keyed by series and timestamp, so a batch acknowledged
    /// after a later one, or sent twice after a failure, stores the same points). 1: one at a time.
    /// </summary>
    public int MaxInFlight { get; set; } = 4;

    /// <summary>How long a first pending reading waits for its batch to fill.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Compress request bodies (<c>Content-Encoding: gzip</c>). Unset: compressed unless <see cref="Url"/>
    /// names this machine (localhost, 127.0.0.0/8, ::1), where gzip costs both processes CPU and saves
    /// no network (see <see cref="CompressesBodies"/>).
    /// </summary>
    public bool? Gzip { get; set; }

    /// <summary><see cref="Gzip"/> as set, or unset: true unless <see cref="Url"/>'s host is a loopback name or address.</summary>
    public bool CompressesBodies => Gzip ?? !IsLoopback(Url);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First retry delay; doubles per failed attempt (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest Retry-After the forwarder honours.</summary>
    public TimeSpan RetryAfterCap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the forwarder asks the sink for its start time and version; a change re-sends the
    /// delivered readings the outbox retains (Outbox:RetainDelivered).
    /// </summary>
    public TimeSpan SinkCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the forwarder counts what the sink holds for the delivered readings the outbox still
    /// retains and sends them again when the sink holds fewer (a sink that lost acknowledged points
    /// without restarting, or restarted unnoticed). Zero: no read-back.
    /// </summary>
    public TimeSpan ReadBackInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Readings appended more recently than this are left out of a read-back (the sink may not show them yet).</summary>
    public TimeSpan ReadBackSettle { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many of the newest delivered readings are counted per read-back.</summary>
    public int ReadBackMaxReadings { get; set; } = 100_000;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    private static bool IsLoopback(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address)));
}
