using System.Text.Json;

namespace CableTest.Instruments.Recording;

/// <summary>
/// Writes a run recording (<see cref="RecordingFormat"/>). Thread-safe; each exchange is written and
/// flushed to the operating system before <see cref="Record"/> returns, so a crash loses nothing the
/// instruments answered before it.
/// </summary>
public sealed class RecordingWriter : IExchangeRecorder, IDisposable
{
    private readonly Lock _lock = new();
    private readonly FileStream _file;
    private readonly Utf8JsonWriter _json;
    private readonly MemoryStream _line = new();
    private long _sequence;
    private bool _disposed;

    /// <summary>
    /// Creates (or truncates) the file and writes the header (listing <paramref name="instruments"/>, the bench recorded on,
    /// and <paramref name="parameters"/>, the run's own settings by name).
    /// </summary>
    public RecordingWriter(string path, string runId, TimeProvider? time = null, IReadOnlyList<RecordedInstrument>? instruments = null, IReadOnlyList<KeyValuePair<string, decimal>>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 4096);
        _json = new Utf8JsonWriter(_line);
        _json.WriteStartObject();
        _json.WriteString("format", RecordingFormat.FormatName);
        _json.WriteNumber("version", RecordingFormat.Version);
        _json.WriteNumber("created_unix_ns", (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000);
        _json.WriteString("run", runId);
        if (instruments is { Count: > 0 })
        {
            _json.WriteStartArray("instruments");
            foreach (var i in instruments)
            {
                _json.WriteStartObject();
                _json.WriteString("id", i.Id);
                _json.WriteString("role", i.Role);
                _json.WriteString("profile", i.Profile);
                _json.WriteString("protocol", i.Protocol);
                _json.WriteString("line", i.Line);
                _json.WriteNumber("unit", i.UnitId);
                _json.WriteEndObject();
            }

            _json.WriteEndArray();
        }

        if (parameters is { Count: > 0 })
        {
            _json.WriteStartObject("parameters");
            foreach (var (name, value) in parameters)
            {
                _json.WriteNumber(name, value);
            }

            _json.WriteEndObject();
        }

        _json.WriteEndObject();
        FlushLine();
    }

    /// <summary>The file being written.</summary>
    public string Path { get; }

    /// <summary>Exchanges written so far.</summary>
    public long Count => Interlocked.Read(ref _sequence);

    /// <inheritdoc />
    public void Record(ExchangeRecord exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var sequence = Interlocked.Increment(ref _sequence);
            _json.WriteStartObject();
            _json.WriteNumber("seq", sequence);
            _json.WriteNumber("t_ns", exchange.StartedUnixNanoseconds);
            _json.WriteString("line", exchange.Line);
            _json.WriteString("device", exchange.Device);
            _json.WriteString("protocol", exchange.Protocol);
            _json.WriteString("out", Convert.ToHexString(exchange.Request.Span));
            _json.WriteString("in", Convert.ToHexString(exchange.Reply.Span));
            _json.WriteNumber("dur_us", exchange.DurationMicroseconds);
            _json.WriteString("outcome", RecordingFormat.OutcomeName(exchange.Outcome));
            if (exchange.Detail is null)
            {
                _json.WriteNull("detail");
            }
            else
            {
                _json.WriteString("detail", exchange.Detail);
            }

            _json.WriteEndObject();
            FlushLine();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _json.Dispose();
            _file.Flush(flushToDisk: true);
            _file.Dispose();
            _line.Dispose();
        }
    }

    private void FlushLine()
    {
        _json.Flush();
        _line.WriteByte((byte)'\n');
        _file.Write(_line.GetBuffer(), 0, (int)_line.Length);
        _file.Flush();
        _line.SetLength(0);
        _json.Reset(_line);
    }

}
