using CableTest.Domain.Instruments;
using CableTest.Instruments.Drivers.Modbus;
using CableTest.Instruments.Drivers.Scpi;

namespace CableTest.Instruments.Drivers;

/// <summary>
/// Which driver plays a role over a protocol: a new role and protocol pairing is a driver plus one
/// <see cref="Register"/>. <see cref="Default"/> holds the shipped pairings. Registration happens at
/// composition; lookups after that are read-only and thread-safe.
/// </summary>
public sealed class DriverRegistry
{
    private readonly Dictionary<(InstrumentRole Role, InstrumentProtocol Protocol), Func<DriverLine, IInstrument>> _factories = [];

    /// <summary>A registry with the shipped drivers: SCPI micro-ohmmeter, megohmmeter and hipot; Modbus (RTU and TCP) hipot, ambient sensor and bath thermometer.</summary>
    public static DriverRegistry Default()
    {
        var registry = new DriverRegistry();
        registry.Register(InstrumentRole.ConductorResistanceMeter, InstrumentProtocol.Scpi, l => new ScpiResistanceMeter(l.Scpi, l.Profile));
        registry.Register(InstrumentRole.InsulationTester, InstrumentProtocol.Scpi, l => new ScpiInsulationTester(l.Scpi, l.Profile, l.Time));
        registry.Register(InstrumentRole.WithstandTester, InstrumentProtocol.Scpi, l => new ScpiWithstandTester(l.Scpi, l.Profile));
        foreach (var modbus in (ReadOnlySpan<InstrumentProtocol>)[InstrumentProtocol.ModbusRtu, InstrumentProtocol.ModbusTcp])
        {
            registry.Register(InstrumentRole.WithstandTester, modbus, l => new ModbusWithstandTester(l.Modbus, l.UnitId, l.Profile));
            registry.Register(InstrumentRole.AmbientSensor, modbus, l => new ModbusAmbientSensor(l.Modbus, l.UnitId, l.Profile));
            registry.Register(InstrumentRole.BathThermometer, modbus, l => new ModbusBathThermometer(l.Modbus, l.UnitId, l.Profile));
        }

        return registry;
    }

    /// <summary>The pairings registered, in no particular order.</summary>
    public IReadOnlyCollection<(InstrumentRole Role, InstrumentProtocol Protocol)> Pairings => _factories.Keys;

    /// <summary>Registers the driver for <paramref name="role"/> over <paramref name="protocol"/>; a pairing registers once.</summary>
    public void Register(InstrumentRole role, InstrumentProtocol protocol, Func<DriverLine, IInstrument> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd((role, protocol), factory))
        {
            throw new InvalidOperationException($"a driver for a {InstrumentRoles.Name(role)} over {InstrumentProtocols.Name(protocol)} is already registered");
        }
    }

    /// <summary>True when a driver plays <paramref name="role"/> over <paramref name="protocol"/>.</summary>
    public bool Supports(InstrumentRole role, InstrumentProtocol protocol) => _factories.ContainsKey((role, protocol));

    /// <summary>
    /// Builds the driver for the profile's role and protocol on <paramref name="line"/>. An unknown pairing is an
    /// <see cref="InvalidOperationException"/> naming the instrument, the role, the protocol and what is registered.
    /// </summary>
    public IInstrument Create(DriverLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var role = line.Profile.Role;
        var protocol = line.Profile.ProtocolKind;
        if (!_factories.TryGetValue((role, protocol), out var factory))
        {
            var known = _factories.Keys.Where(k => k.Role == role).Select(k => InstrumentProtocols.Name(k.Protocol)).Order(StringComparer.Ordinal).ToList();
            throw new InvalidOperationException(
                $"instrument {line.InstrumentId} (profile {line.Profile.Name}): no driver for a {InstrumentRoles.Name(role)} over {InstrumentProtocols.Name(protocol)}"
                + (known.Count == 0 ? "; no protocol is registered for that role" : $"; registered for that role: {string.Join(", ", known)}"));
        }

        var driver = factory(line);
        return driver.Role == role
            ? driver
            : throw new InvalidOperationException($"the driver registered for a {InstrumentRoles.Name(role)} over {InstrumentProtocols.Name(protocol)} plays {InstrumentRoles.Name(driver.Role)}");
    }
}
