using Microsoft.Extensions.Logging;

namespace CableTest.Instruments.Modbus;

/// <summary>Modbus master log events (ids 2100–2119).</summary>
internal static partial class ModbusMasterLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "{Line}: unit {Unit} unavailable after {Timeouts} consecutive timeouts; fast-failing for {BackoffMs} ms")]
    public static partial void UnitUnavailable(ILogger logger, string line, byte unit, int timeouts, double backoffMs);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "{Line}: unit {Unit} answers again")]
    public static partial void UnitRecovered(ILogger logger, string line, byte unit);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "{Line}: line broken ({Reason}); reconnecting on the next request")]
    public static partial void LineBroken(ILogger logger, string line, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "{Line}: line open")]
    public static partial void LineOpened(ILogger logger, string line);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "{Line}: reconnect failed ({Reason}); next attempt in {DelayMs} ms")]
    public static partial void ReconnectFailed(ILogger logger, string line, string reason, double delayMs);
}
