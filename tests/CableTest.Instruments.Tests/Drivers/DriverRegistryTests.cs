using CableTest.Domain.Instruments;
using CableTest.Instruments.Drivers;
using CableTest.Instruments.Drivers.Modbus;
using CableTest.Instruments.Drivers.Scpi;
using CableTest.Instruments.Modbus;
using CableTest.Instruments.Profiles;
using CableTest.Instruments.Tests.Profiles;
using Moq;

namespace CableTest.Instruments.Tests.Drivers;

/// <summary>The driver registry: one registration per (role, protocol); an unknown pairing names role and protocol.</summary>
public sealed class DriverRegistryTests
{
    private static readonly ProfileCatalogue Profiles = ProfileCatalogue.LoadDefault();

    [Fact]
    public void Default_ShippedPairings_AllRegistered()
    {
        var pairings = DriverRegistry.Default().Pairings
            .Select(p => $"{InstrumentRoles.Name(p.Role)}/{InstrumentProtocols.Name(p.Protocol)}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "ambient_sensor/modbus-rtu", "ambient_sensor/modbus-tcp", "bath_thermometer/modbus-rtu", "bath_thermometer/modbus-tcp", "conductor_resistance_meter/scpi", "insulation_tester/scpi",
                "withstand_tester/modbus-rtu", "withstand_tester/modbus-tcp", "withstand_tester/scpi",
            ],
            pairings);
    }

    [Fact]
    public async Task Create_EveryShippedProfile_BuildsTheDriverOfItsRoleAndProtocol()
    {
        var registry = DriverRegistry.Default();
        var master = new Mock<IModbusMaster>(MockBehavior.Strict).Object;
        foreach (var name in new[] { "sim-ohm", "sim-megger", "sim-hipot", "sim-ambient", "sim-bath", "chroma-19032", "xymd02", "eurotherm-3216" })
        {
            var profile = Profiles.Get(name);
            object owner = profile.IsModbus ? master : ProfileSession.Pair(profile).Session;
            var driver = registry.Create(new DriverLine("X-1", profile, owner, 1, TimeProvider.System));
            Assert.Equal(profile.Role, driver.Role);
            Assert.Equal(profile.Name, driver.ProfileName);
            Assert.IsType(ExpectedType(profile), driver);
            if (!profile.IsModbus && owner is IAsyncDisposable session)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static Type ExpectedType(InstrumentProfile profile) => (profile.Role, profile.IsModbus) switch
    {
        (InstrumentRole.ConductorResistanceMeter, false) => typeof(ScpiResistanceMeter),
        (InstrumentRole.InsulationTester, false) => typeof(ScpiInsulationTester),
        (InstrumentRole.WithstandTester, false) => typeof(ScpiWithstandTester),
        (InstrumentRole.WithstandTester, true) => typeof(ModbusWithstandTester),
        (InstrumentRole.BathThermometer, true) => typeof(ModbusBathThermometer),
        _ => typeof(ModbusAmbientSensor),
    };

    [Fact]
    public void Create_UnknownPairing_NamesInstrumentRoleAndProtocol()
    {
        var profile = Profiles.Get("sim-ohm") with { Protocol = InstrumentProtocols.ModbusRtu };
        var e = Assert.Throws<InvalidOperationException>(() => DriverRegistry.Default().Create(new DriverLine("OHM-07", profile, new object(), 1, TimeProvider.System)));
        Assert.Contains("OHM-07", e.Message, StringComparison.Ordinal);
        Assert.Contains("no driver for a conductor_resistance_meter over modbus-rtu", e.Message, StringComparison.Ordinal);
        Assert.Contains("registered for that role: scpi", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_NewPairing_IsOneRegistration()
    {
        var registry = DriverRegistry.Default();
        var profile = Profiles.Get("sim-ohm") with { Protocol = InstrumentProtocols.ModbusTcp };
        Assert.False(registry.Supports(InstrumentRole.ConductorResistanceMeter, InstrumentProtocol.ModbusTcp));
        var meter = new Mock<IConductorResistanceMeter>();
        meter.SetupGet(m => m.Role).Returns(InstrumentRole.ConductorResistanceMeter);
        registry.Register(InstrumentRole.ConductorResistanceMeter, InstrumentProtocol.ModbusTcp, _ => meter.Object);
        Assert.Same(meter.Object, registry.Create(new DriverLine("OHM-08", profile, new object(), 1, TimeProvider.System)));
    }

    [Fact]
    public void Register_SamePairingTwice_IsRefused()
    {
        var registry = DriverRegistry.Default();
        var e = Assert.Throws<InvalidOperationException>(() => registry.Register(InstrumentRole.WithstandTester, InstrumentProtocol.Scpi, _ => null!));
        Assert.Contains("withstand_tester over scpi is already registered", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DriverOfAnotherRole_IsRefused()
    {
        var registry = new DriverRegistry();
        var sensor = new Mock<IAmbientSensor>();
        sensor.SetupGet(m => m.Role).Returns(InstrumentRole.AmbientSensor);
        registry.Register(InstrumentRole.WithstandTester, InstrumentProtocol.ModbusTcp, _ => sensor.Object);
        var e = Assert.Throws<InvalidOperationException>(() => registry.Create(new DriverLine("HV-1", Profiles.Get("sim-hipot"), new object(), 1, TimeProvider.System)));
        Assert.Contains("plays ambient_sensor", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DriverLine_WrongOwner_NamesInstrument()
    {
        var line = new DriverLine("AMB-1", Profiles.Get("sim-ambient"), new object(), 1, TimeProvider.System);
        var e = Assert.Throws<InvalidOperationException>(() => line.Modbus);
        Assert.Contains("AMB-1", e.Message, StringComparison.Ordinal);
        Assert.Contains("needs a Modbus line", e.Message, StringComparison.Ordinal);
    }
}
