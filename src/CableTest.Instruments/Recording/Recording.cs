using System.Text.Json;

namespace CableTest.Instruments.Recording;

/// <summary>A run recording read back: the header and every exchange in order.</summary>
/// <param name="Path">The file it came from.</param>
/// <param name="Version">Format version of the file.</param>
/// <param name="RunId">The run it recorded.</param>
/// <param name="Exchanges">Exchanges in sequence order.</param>
public sealed record Recording(string Path, int Version, string RunId, IReadOnlyList<ExchangeRecord> Exchanges)
{
    /// <summary>The bench's instruments as the header lists them (empty in recordings made before the header had them).</summary>
    public IReadOnlyList<RecordedInstrument> Instruments { get; init; } = [];

    /// <summary>The run's own settings by name, as the header lists them (empty in recordings made before the header had them).</summary>
    public IReadOnlyDictionary<string, decimal> Parameters { get; init; } = new Dictionary<string, decimal>();

    /// <summary>
    /// Reads and validates a recording. Any malformed line, a missing field, a sequence gap or a newer
    /// version is a <see cref="RecordingFormatException"/> naming the file and line; nothing is guessed.
    /// </summary>
    public static Recording Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new RecordingFormatException(path, 0, "file not found");
        }

        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new RecordingFormatException(path, 1, "empty file: no header");
        int version;
        string runId;
        var instruments = new List<RecordedInstrument>();
        var parameters = new Dictionary<string, decimal>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(header);
            var root = doc.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.GetString() != RecordingFormat.FormatName)
            {
                throw new RecordingFormatException(path, 1, $"not a recording: header format must be \"{RecordingFormat.FormatName}\"");
            }

            version = root.GetProperty("version").GetInt32();
            runId = root.TryGetProperty("run", out var run) ? run.GetString() ?? string.Empty : string.Empty;
            if (root.TryGetProperty("instruments", out var list))
            {
                foreach (var i in list.EnumerateArray())
                {
                    instruments.Add(new RecordedInstrument(Required(i, "id"), Required(i, "role"), Required(i, "profile"), Required(i, "protocol"), Required(i, "line"), i.GetProperty("unit").GetInt32()));
                }
            }

            if (root.TryGetProperty("parameters", out var settings))
            {
                foreach (var p in settings.EnumerateObject())
                {
                    parameters[p.Name] = p.Value.GetDecimal();
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new RecordingFormatException(path, 1, "header is not valid: " + e.Message);
        }

        if (version < 1 || version > RecordingFormat.Version)
        {
            throw new RecordingFormatException(path, 1, $"format version {version} is not supported (this build reads 1..{RecordingFormat.Version})");
        }

        var exchanges = new List<ExchangeRecord>();
        var lineNumber = 1L;
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var exchange = ParseExchange(path, lineNumber, text);
            if (exchange.Sequence != exchanges.Count + 1)
            {
                throw new RecordingFormatException(path, lineNumber, $"sequence {exchange.Sequence} where {exchanges.Count + 1} was expected (lost or reordered exchanges)");
            }

            exchanges.Add(exchange);
        }

        return new Recording(path, version, runId, exchanges) { Instruments = instruments, Parameters = parameters };
    }

    private static ExchangeRecord ParseExchange(string path, long lineNumber, string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var outcomeName = root.GetProperty("outcome").GetString();
            if (!RecordingFormat.TryParseOutcome(outcomeName, out var outcome))
            {
                throw new RecordingFormatException(path, lineNumber, $"unknown outcome \"{outcomeName}\"");
            }

            return new ExchangeRecord(
                root.GetProperty("seq").GetInt64(),
                root.GetProperty("t_ns").GetInt64(),
                Required(root, "line"),
                Required(root, "device"),
                Required(root, "protocol"),
                Convert.FromHexString(root.GetProperty("out").GetString() ?? string.Empty),
                Convert.FromHexString(root.GetProperty("in").GetString() ?? string.Empty),
                root.GetProperty("dur_us").GetInt64(),
                outcome,
                root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new RecordingFormatException(path, lineNumber, "exchange is not valid: " + e.Message);
        }
    }

    private static string Required(JsonElement root, string name)
    {
        var value = root.GetProperty(name).GetString();
        return string.IsNullOrEmpty(value) ? throw new FormatException($"\"{name}\" must not be empty") : value;
    }
}
