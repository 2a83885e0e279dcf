using CableTest.Instruments.Drivers;
using CableTest.Instruments.Drivers.Modbus;
using CableTest.Instruments.Modbus;
using CableTest.Instruments.Modbus.Slave;
using CableTest.Instruments.Profiles;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.Instruments.Tests.Drivers;

public sealed class ModbusDriverTests : IAsyncLifetime
{
    private static readonly ProfileCatalogue Profiles = ProfileCatalogue.LoadDefault();
    private readonly ModbusDataStore hipot = new();
    private readonly ModbusDataStore ambient = new();
    private readonly CancellationTokenSource stop = new();
    private Task? slaveLoop;
    private ModbusRtuMaster master = null!;

    public Task InitializeAsync()
    {
        var (a, b) = InMemoryChannel.CreatePair("memory:rs485");
        var processor = new ModbusSlaveProcessor();
        processor.AddUnit(1, hipot);
        processor.AddUnit(2, ambient);
        slaveLoop = new ModbusRtuSlave(b, processor).RunAsync(stop.Token);
        master = new ModbusRtuMaster(a, new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(2) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await master.DisposeAsync();
        await stop.CancelAsync();
        try
        {
            await slaveLoop!;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private void SetInput(InstrumentProfile profile, string point, double value)
    {
        var p = profile.Modbus!.Points[point];
        var registers = new ushort[p.Codec.RegisterCount];
        p.Codec.Encode(value, registers);
        (profile.Role == InstrumentRole.WithstandTester ? hipot : ambient).SetInputRegisters(p.Address, registers);
    }

    [Fact]
    public async Task Ambient_ReadsScaledRegisters()
    {
        var profile = Profiles.Get("sim-ambient");
        SetInput(profile, "temperature_c", -3.5);
        SetInput(profile, "humidity_rh", 55.2);
        var reading = await new ModbusAmbientSensor(master, 2, profile).ReadAsync(CancellationToken.None);
        Assert.Equal(-3.5, reading.TemperatureC, 6);
        Assert.Equal(55.2, reading.HumidityRh, 6);
    }

    [Fact]
    public async Task Ping_ReadsTheUnit_ThrowsWhenItDoesNotAnswer_IdentifyNeverAsks()
    {
        var profile = Profiles.Get("sim-hipot");
        SetInput(profile, "state", profile.Modbus!.Codes["state_idle"]);
        await new ModbusWithstandTester(master, 1, profile).PingAsync(CancellationToken.None);
        Assert.Equal(0, hipot.GetHoldingRegister(profile.Modbus.Points["command"].Address));

        // Unit 3 is not on the line: its identity comes from the profile, only a ping finds out.
        var absent = new ModbusWithstandTester(master, 3, profile);
        Assert.Equal("sim-hipot", (await absent.IdentifyAsync(CancellationToken.None)).Profile);
        var e = await Assert.ThrowsAsync<ModbusInstrumentException>(() => absent.PingAsync(CancellationToken.None));
        Assert.Contains("unit 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ambient_Implausible_IsError()
    {
        var profile = Profiles.Get("sim-ambient");
        SetInput(profile, "temperature_c", 20);
        SetInput(profile, "humidity_rh", 250);
        await Assert.ThrowsAsync<InstrumentException>(() => new ModbusAmbientSensor(master, 2, profile).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Withstand_WritesProgramAndDecodesStatus()
    {
        var profile = Profiles.Get("sim-hipot");
        var tester = new ModbusWithstandTester(master, 1, profile);
        await tester.ConfigureAsync(new WithstandSettings(WithstandKind.Ac, 2.5, 50, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5), 10, true), CancellationToken.None);
        var voltage = profile.Modbus!.Points["voltage_v"];
        var held = new ushort[2];
        hipot.ReadHoldingRegisters(voltage.Address, held);
        Assert.Equal(2500, voltage.Codec.Decode(held), 3);
        Assert.Equal(500, hipot.GetHoldingRegister(profile.Modbus.Points["frequency_hz"].Address));

        await tester.StartAsync(CancellationToken.None);
        Assert.Equal(profile.Modbus.Codes["command_start"], hipot.GetHoldingRegister(profile.Modbus.Points["command"].Address));

        SetInput(profile, "state", profile.Modbus.Codes["state_stopped"]);
        SetInput(profile, "outcome", profile.Modbus.Codes["outcome_breakdown"]);
        SetInput(profile, "output_voltage_v", 0);
        SetInput(profile, "failure_voltage_v", 2500);
        SetInput(profile, "failure_time_s", 250);
        SetInput(profile, "interlock_closed", 1);
        var status = await tester.ReadStatusAsync(CancellationToken.None);
        Assert.Equal(WithstandState.Stopped, status.State);
        Assert.Equal(WithstandOutcome.Breakdown, status.Outcome);
        Assert.Equal(2.5, status.FailureVoltageKv);
        Assert.Equal(250, status.FailureTimeS);
        Assert.True(status.InterlockClosed);
    }

    [Fact]
    public async Task Withstand_UnknownStateCode_IsErrorNeverPass()
    {
        var profile = Profiles.Get("sim-hipot");
        SetInput(profile, "state", 99);
        await Assert.ThrowsAsync<InstrumentException>(() => new ModbusWithstandTester(master, 1, profile).ReadStatusAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Withstand_OutputOff_NotConfirmed_Throws()
    {
        var profile = Profiles.Get("sim-hipot");
        SetInput(profile, "state", profile.Modbus!.Codes["state_dwell"]);
        SetInput(profile, "output_on", 1);
        await Assert.ThrowsAsync<InstrumentException>(() => new ModbusWithstandTester(master, 1, profile).OutputOffAsync(CancellationToken.None));
        SetInput(profile, "output_on", 0);
        await new ModbusWithstandTester(master, 1, profile).OutputOffAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Withstand_DeadUnit_IsInstrumentExceptionWithTypedCause()
    {
        var tester = new ModbusWithstandTester(new ModbusRtuMaster(InMemoryChannel.CreatePair().A, new ModbusMasterOptions { Timeout = TimeSpan.FromMilliseconds(100) }), 1, Profiles.Get("sim-hipot"));
        var e = await Assert.ThrowsAsync<ModbusInstrumentException>(() => tester.ReadStatusAsync(CancellationToken.None));
        Assert.True(e.IsTransient);
        Assert.NotNull(e.InnerException);
    }
}
