using CableTest.Instruments.Drivers;
using CableTest.Instruments.Drivers.Modbus;
using CableTest.Instruments.Modbus;
using CableTest.Instruments.Profiles;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.Instruments.Tests.Profiles;

/// <summary>The bath-thermometer profiles against request and reply frames built from their register maps (issue 12 item 2).</summary>
public sealed class BathThermometerProfileTests
{
    private static readonly ProfileCatalogue Profiles = ProfileCatalogue.LoadDefault();

    private static byte[] WithCrc(string hex)
    {
        var body = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
        var frame = new byte[body.Length + 2];
        body.CopyTo(frame, 0);
        ModbusCrc.Write(body, frame.AsSpan(body.Length));
        return frame;
    }

    private static async Task<(byte[] Request, BathReading? Reading, Exception? Error)> ReadAsync(string profileName, byte unit, byte[] reply)
    {
        var (a, b) = InMemoryChannel.CreatePair("memory:rs485");
        await using var master = new ModbusRtuMaster(a, new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(5) });
        var peer = AnswerOnceAsync(b, reply);
        try
        {
            var reading = await new ModbusBathThermometer(master, unit, Profiles.Get(profileName)).ReadAsync(CancellationToken.None);
            return (await peer, reading, null);
        }
        catch (InstrumentException e)
        {
            return (await peer, null, e);
        }
    }

    private static async Task<byte[]> AnswerOnceAsync(IByteChannel far, byte[] reply)
    {
        var request = new byte[8];
        var read = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (read < request.Length)
        {
            var n = await far.ReadAsync(request.AsMemory(read), deadline.Token);
            Assert.True(n > 0, "channel closed before the request was complete");
            read += n;
        }

        await far.WriteAsync(reply, deadline.Token);
        return request;
    }

    [Fact]
    public async Task Eurotherm3216_ReadsProcessValueAndSetpointFromHoldingRegisterOne()
    {
        // Handbook HA028651 15.5: PV.IN at Modbus address 1, TG.SP at 2; one displayed decimal: 70.3 °C reads 703 (0x02BF), 70.0 reads 700 (0x02BC).
        var (request, reading, error) = await ReadAsync("eurotherm-3216", 1, WithCrc("01 03 04 02 BF 02 BC"));
        Assert.Null(error);
        Assert.Equal(WithCrc("01 03 00 01 00 02"), request);
        Assert.Equal(70.3, reading!.TemperatureC, 6);
        Assert.Equal(70.0, reading.SetpointC!.Value, 6);
    }

    [Fact]
    public async Task Eurotherm3216_ControllerSetToTwoDecimals_IsRefusedAsImplausible()
    {
        // A controller set to two decimals sends 7000 (0x1B58) for 70.00 °C: with the profile's one decimal that is 700 °C, refused, never judged.
        var (_, reading, error) = await ReadAsync("eurotherm-3216", 1, WithCrc("01 03 04 1B 58 1B 58"));
        Assert.Null(reading);
        Assert.Contains("implausible bath temperature 700", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutonicsTk4_ReadsPresentValueAndSettingValueFromInputRegisters()
    {
        // TK communication manual 2.3: PV at 31001 (0x03E8), SV at 31004 (0x03EB), function 04; one read covers 0x03E8..0x03EB.
        var (request, reading, error) = await ReadAsync("autonics-tk4", 1, WithCrc("01 04 08 02 BE 00 01 00 00 02 BC"));
        Assert.Null(error);
        Assert.Equal(WithCrc("01 04 03 E8 00 04"), request);
        Assert.Equal(70.2, reading!.TemperatureC, 6);
        Assert.Equal(70.0, reading.SetpointC!.Value, 6);
    }

    [Fact]
    public async Task SimBath_ReadsTemperatureAndSetpointFromInputRegisters()
    {
        var (request, reading, error) = await ReadAsync("sim-bath", 3, WithCrc("03 04 04 02 BD 02 BC"));
        Assert.Null(error);
        Assert.Equal(WithCrc("03 04 00 00 00 02"), request);
        Assert.Equal(70.1, reading!.TemperatureC, 6);
        Assert.Equal(70.0, reading.SetpointC!.Value, 6);
    }
}
