using Microsoft.Extensions.Logging;

namespace CableTest.Instruments.Modbus.Slave;

/// <summary>Modbus slave log events (ids 2120–2139).</summary>
internal static partial class ModbusSlaveLog
{
    [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "Modbus TCP slave listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 2121, Level = LogLevel.Debug, Message = "{Line}: client connected")]
    public static partial void ClientConnected(ILogger logger, string line);

    [LoggerMessage(EventId = 2122, Level = LogLevel.Debug, Message = "{Line}: client gone ({Reason})")]
    public static partial void ClientGone(ILogger logger, string line, string reason);

    [LoggerMessage(EventId = 2123, Level = LogLevel.Debug, Message = "{Line}: dropped {Count} bytes that were not a request")]
    public static partial void Dropped(ILogger logger, string line, int count);
}
