namespace CableTest.Instruments.Recording;

/// <summary>
/// The run recording file (docs/recording.md): UTF-8 JSON Lines. Line 1 is the header
/// <c>{"format":"cabletest-recording","version":1,"created_unix_ns":...,"run":"...","instruments":[{"id":"OHM-01",
/// "role":"conductor_resistance_meter","profile":"...","protocol":"scpi","line":"serial:/dev/ttyUSB0","unit":0}]}</c>
/// (<c>instruments</c>, the bench recorded on, is optional: older files lack it; so is <c>parameters</c>, the run's own
/// settings as numbers by name, e.g. <c>{"resistance_readings":3,"electrification_s":60,"method.ambient_readings":3}</c>); every other
/// line is one exchange <c>{"seq":1,"t_ns":...,"line":"...","device":"...","protocol":"scpi",
/// "out":"3A4D4541...","in":"2B312E...","dur_us":812,"outcome":"ok","detail":null}</c> with bytes in
/// upper-case hex. Readers refuse a higher major version.
/// </summary>
public static class RecordingFormat
{
    /// <summary>The <c>format</c> value of the header.</summary>
    public const string FormatName = "cabletest-recording";

    /// <summary>The version this code writes and the highest it reads.</summary>
    public const int Version = 1;

    internal static string OutcomeName(ExchangeOutcome outcome) => outcome switch
    {
        ExchangeOutcome.Ok => "ok",
        ExchangeOutcome.Timeout => "timeout",
        ExchangeOutcome.BadReply => "bad_reply",
        ExchangeOutcome.DeviceError => "device_error",
        ExchangeOutcome.LineError => "line_error",
        _ => "cancelled",
    };

    internal static bool TryParseOutcome(string? name, out ExchangeOutcome outcome)
    {
        outcome = name switch
        {
            "ok" => ExchangeOutcome.Ok,
            "timeout" => ExchangeOutcome.Timeout,
            "bad_reply" => ExchangeOutcome.BadReply,
            "device_error" => ExchangeOutcome.DeviceError,
            "line_error" => ExchangeOutcome.LineError,
            "cancelled" => ExchangeOutcome.Cancelled,
            _ => (ExchangeOutcome)(-1),
        };
        return (int)outcome >= 0;
    }
}
