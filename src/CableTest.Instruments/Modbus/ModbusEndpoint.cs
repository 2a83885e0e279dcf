using CableTest.Instruments.Recording;
using CableTest.Transports;
using Microsoft.Extensions.Logging;

namespace CableTest.Instruments.Modbus;

/// <summary>
/// Builds a master from an endpoint string: <c>tcp://HOST:PORT</c> (Modbus TCP),
/// <c>rtu:///dev/ttyUSB0?baud=19200&amp;parity=E</c> (RTU on a serial line, same query as
/// <c>serial://</c>), <c>rtu+tcp://HOST:PORT</c> (RTU frames through a TCP serial server).
/// </summary>
public static class ModbusEndpoint
{
    /// <summary>A master for <paramref name="endpoint"/>; <see cref="FormatException"/> names the bad part.</summary>
    public static ModbusMaster CreateMaster(string endpoint, ModbusMasterOptions? options = null, IExchangeRecorder? recorder = null,
        TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        var schemeEnd = endpoint.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? endpoint[..schemeEnd].ToLowerInvariant() : "";
        var rest = schemeEnd > 0 ? endpoint[(schemeEnd + 3)..] : endpoint;
        switch (scheme)
        {
            case "tcp":
                return new ModbusTcpMaster(ChannelEndpoint.Parse(endpoint).CreateChannel(), options, recorder, timeProvider, logger);
            case "rtu+tcp":
                return new ModbusRtuMaster(ChannelEndpoint.Parse("tcp://" + rest).CreateChannel(), options, recorder, timeProvider, logger);
            case "rtu":
                var serial = ChannelEndpoint.Parse("serial://" + rest);
                return new ModbusRtuMaster(serial.CreateChannel(), options, recorder, timeProvider, logger, serial.Serial);
            default:
                throw new FormatException($"endpoint '{endpoint}': expected tcp://HOST:PORT, rtu:///dev/ttyX?baud=..&parity=.. or rtu+tcp://HOST:PORT");
        }
    }
}
