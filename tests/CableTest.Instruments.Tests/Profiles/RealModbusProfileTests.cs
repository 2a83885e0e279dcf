using CableTest.Instruments.Drivers.Modbus;
using CableTest.Instruments.Modbus;
using CableTest.Instruments.Profiles;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.Instruments.Tests.Profiles;

/// <summary>
/// The shipped ambient-sensor profiles against the request and reply frames published for the real sensors:
/// the driver must send exactly the published request and decode the published reply.
/// </summary>
public sealed class RealModbusProfileTests
{
    private static readonly ProfileCatalogue Profiles = ProfileCatalogue.LoadDefault();

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    private static byte[] WithCrc(string hex)
    {
        var body = Hex(hex);
        var frame = new byte[body.Length + 2];
        body.CopyTo(frame, 0);
        ModbusCrc.Write(body, frame.AsSpan(body.Length));
        return frame;
    }

    /// <summary>Answers one request frame on the far end; returns what it received.</summary>
    private static async Task<byte[]> AnswerOnceAsync(IByteChannel far, int requestLength, byte[] reply)
    {
        var request = new byte[requestLength];
        var read = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (read < requestLength)
        {
            var n = await far.ReadAsync(request.AsMemory(read), deadline.Token);
            Assert.True(n > 0, "channel closed before the request was complete");
            read += n;
        }

        await far.WriteAsync(reply, deadline.Token);
        return request;
    }

    private static async Task<(byte[] Request, double TemperatureC, double HumidityRh)> ReadAsync(string profileName, byte unit, byte[] reply)
    {
        var (a, b) = InMemoryChannel.CreatePair("memory:rs485");
        await using var master = new ModbusRtuMaster(a, new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(5) });
        var peer = AnswerOnceAsync(b, 8, reply);
        var reading = await new ModbusAmbientSensor(master, unit, Profiles.Get(profileName)).ReadAsync(CancellationToken.None);
        return (await peer, reading.TemperatureC, reading.HumidityRh);
    }

    [Fact]
    public async Task Xymd02_SendsThePublishedRequest_AndDecodesThePublishedReply()
    {
        // e-tinkers/Modbus-RTU examples/SHT20/README.md: both registers in one read, 30.5 °C and 54.6 %RH.
        var (request, temperatureC, humidityRh) = await ReadAsync("xymd02", 1, Hex("01 04 04 01 31 02 22 2A CE"));
        Assert.Equal(Hex("01 04 00 01 00 02 20 0B"), request);
        Assert.Equal(30.5, temperatureC, 6);
        Assert.Equal(54.6, humidityRh, 6);
    }

    [Fact]
    public async Task Xymd02_NegativeTemperature_IsTwosComplement()
    {
        // 0xFF33 = −205 → −20.5 °C, as the same write-up documents.
        var (_, temperatureC, humidityRh) = await ReadAsync("xymd02", 1, WithCrc("01 04 04 FF 33 01 F4"));
        Assert.Equal(-20.5, temperatureC, 6);
        Assert.Equal(50.0, humidityRh, 6);
    }

    [Fact]
    public async Task Renke_ReadsHumidityThenTemperatureFromHoldingRegisters()
    {
        // FC 03 from 0x0000, two registers: humidity 0x0292 = 65.8 %RH, temperature 0xFF9B = −10.1 °C.
        var (request, temperatureC, humidityRh) = await ReadAsync("renke-rs-ws-n01", 1, WithCrc("01 03 04 02 92 FF 9B"));
        Assert.Equal(WithCrc("01 03 00 00 00 02"), request);
        Assert.Equal(Hex("01 03 00 00 00 02 C4 0B"), request);
        Assert.Equal(-10.1, temperatureC, 6);
        Assert.Equal(65.8, humidityRh, 6);
    }
}
