using System.Globalization;

namespace CableTest.Transports;

/// <summary>Which serial implementation to use for a <c>serial://</c> endpoint.</summary>
public enum SerialImplementation
{
    /// <summary>termios on Linux (<see cref="UnixTtyChannel"/>), System.IO.Ports elsewhere.</summary>
    Auto,

    /// <summary>The Linux termios fast path.</summary>
    Termios,

    /// <summary>System.IO.Ports (<see cref="SerialPortChannel"/>).</summary>
    Ports,
}

/// <summary>
/// Where a line is: <c>tcp://HOST:PORT</c> or
/// <c>serial:///dev/ttyUSB0?baud=9600&amp;parity=N&amp;databits=8&amp;stopbits=1&amp;impl=termios|ports</c>
/// (Windows: <c>serial://COM3?baud=9600</c>). Higher layers map protocol schemes (<c>rtu://</c>,
/// <c>rtu+tcp://</c>) onto these.
/// </summary>
public sealed record ChannelEndpoint
{
    public required string Scheme { get; init; }

    public string? Host { get; init; }

    public int Port { get; init; }

    public string? DevicePath { get; init; }

    public SerialSettings Serial { get; init; } = new();

    public SerialImplementation Implementation { get; init; }

    public bool IsSerial => Scheme == "serial";

    /// <summary>Parses an endpoint string; <see cref="FormatException"/> names the bad part.</summary>
    public static ChannelEndpoint Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            throw new FormatException($"endpoint '{text}': expected tcp://HOST:PORT or serial://DEVICE?baud=..");
        }

        var scheme = text[..schemeEnd].ToLowerInvariant();
        var rest = text[(schemeEnd + 3)..];
        var query = "";
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var parameters = ParseQuery(text, query);
        return scheme switch
        {
            "tcp" => ParseTcp(text, rest, parameters),
            "serial" => ParseSerial(text, rest, parameters),
            _ => throw new FormatException($"endpoint '{text}': unknown scheme '{scheme}' (tcp, serial)"),
        };
    }

    /// <summary>Parses the serial query parameters (<c>baud</c>, <c>parity</c>, <c>databits</c>, <c>stopbits</c>) of any endpoint.</summary>
    public static SerialSettings ParseSerialSettings(string text, IReadOnlyDictionary<string, string> parameters, SerialSettings? defaults = null)
    {
        var s = defaults ?? new SerialSettings();
        if (parameters.TryGetValue("baud", out var baud))
        {
            s = s with { BaudRate = Int(text, "baud", baud) };
        }

        if (parameters.TryGetValue("databits", out var bits))
        {
            s = s with { DataBits = Int(text, "databits", bits) };
        }

        if (parameters.TryGetValue("stopbits", out var stop))
        {
            s = s with { StopBits = Int(text, "stopbits", stop) };
        }

        if (parameters.TryGetValue("parity", out var parity))
        {
            s = s with
            {
                Parity = parity.ToUpperInvariant() switch
                {
                    "N" or "NONE" => SerialParity.None,
                    "E" or "EVEN" => SerialParity.Even,
                    "O" or "ODD" => SerialParity.Odd,
                    _ => throw new FormatException($"endpoint '{text}': parity '{parity}' must be N, E or O"),
                },
            };
        }

        try
        {
            return s.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"endpoint '{text}': {e.Message}", e);
        }
    }

    /// <summary>Key/value pairs of a query string, keys lower-cased.</summary>
    public static Dictionary<string, string> ParseQuery(string text, string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"endpoint '{text}': query part '{pair}' is not key=value");
            }

            result[Uri.UnescapeDataString(pair[..eq]).ToLowerInvariant()] = Uri.UnescapeDataString(pair[(eq + 1)..]);
        }

        return result;
    }

    /// <summary>A channel for this endpoint (not yet open).</summary>
    public IByteChannel CreateChannel() => Scheme switch
    {
        "tcp" => new TcpChannel(Host!, Port),
        _ when Implementation == SerialImplementation.Ports || (Implementation == SerialImplementation.Auto && !OperatingSystem.IsLinux()) =>
            new SerialPortChannel(DevicePath!, Serial),
        _ => new UnixTtyChannel(DevicePath!, Serial),
    };

    public override string ToString() => Scheme == "tcp"
        ? $"tcp://{Host}:{Port}"
        : string.Create(CultureInfo.InvariantCulture,
            $"serial://{DevicePath}?baud={Serial.BaudRate}&parity={Serial.Parity.ToString()[0]}&databits={Serial.DataBits}&stopbits={Serial.StopBits}");

    private static ChannelEndpoint ParseTcp(string text, string rest, Dictionary<string, string> parameters)
    {
        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || colon == rest.Length - 1)
        {
            throw new FormatException($"endpoint '{text}': expected tcp://HOST:PORT");
        }

        var port = Int(text, "port", rest[(colon + 1)..].TrimEnd('/'));
        if (port is < 1 or > 65535)
        {
            throw new FormatException($"endpoint '{text}': port {port} is outside 1..65535");
        }

        foreach (var key in parameters.Keys)
        {
            throw new FormatException($"endpoint '{text}': tcp endpoints take no '{key}' parameter");
        }

        return new ChannelEndpoint { Scheme = "tcp", Host = rest[..colon].Trim('[', ']'), Port = port };
    }

    private static ChannelEndpoint ParseSerial(string text, string rest, Dictionary<string, string> parameters)
    {
        if (rest.Length == 0)
        {
            throw new FormatException($"endpoint '{text}': no device (serial:///dev/ttyUSB0 or serial://COM3)");
        }

        var impl = SerialImplementation.Auto;
        if (parameters.TryGetValue("impl", out var implText))
        {
            impl = implText.ToLowerInvariant() switch
            {
                "termios" => SerialImplementation.Termios,
                "ports" => SerialImplementation.Ports,
                "auto" => SerialImplementation.Auto,
                _ => throw new FormatException($"endpoint '{text}': impl '{implText}' must be termios, ports or auto"),
            };
        }

        foreach (var key in parameters.Keys.Where(k => k is not ("baud" or "parity" or "databits" or "stopbits" or "impl")))
        {
            throw new FormatException($"endpoint '{text}': unknown parameter '{key}' (baud, parity, databits, stopbits, impl)");
        }

        return new ChannelEndpoint
        {
            Scheme = "serial",
            DevicePath = rest,
            Serial = ParseSerialSettings(text, parameters),
            Implementation = impl,
        };
    }

    private static int Int(string text, string what, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"endpoint '{text}': {what} '{value}' is not a number");
}
