using CableTest.Domain.Instruments;
using CableTest.HardwareSim;
using CableTest.Instruments.Drivers;
using CableTest.Instruments.Modbus;
using CableTest.Instruments.Profiles;
using CableTest.Instruments.Scpi;
using CableTest.Transports;

namespace CableTest.Service.Bench;

/// <summary>The bench's lines: one owner per physical line, keyed by what the line speaks and where.</summary>
public sealed partial class Bench
{
    /// <summary>One owner per line: keyed by what the line speaks and where, so two Modbus devices on one RS-485 bus share a master whatever their profiles' default protocol.</summary>
    private static string LineKey(InstrumentProfile profile, string endpoint) =>
        InstrumentProtocols.Name(LineProtocol(profile, ChannelEndpoint.Parse(endpoint))) + " " + endpoint;

    /// <summary>What the line speaks: a profile's modbus-tcp over a serial line or RS-485 bus is Modbus RTU.</summary>
    private static InstrumentProtocol LineProtocol(InstrumentProfile profile, ChannelEndpoint endpoint) =>
        profile.Scpi is not null ? InstrumentProtocol.Scpi
        : profile.ProtocolKind == InstrumentProtocol.ModbusTcp && !endpoint.IsSerial ? InstrumentProtocol.ModbusTcp
        : InstrumentProtocol.ModbusRtu;

    private (object Owner, string Line) LineOwner(Dictionary<string, (object Owner, string Line)> lines, string endpoint, InstrumentProfile profile, string device, Dictionary<string, List<(byte Unit, string Name)>> unitNames)
    {
        var key = LineKey(profile, endpoint);
        if (lines.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var parsed = ChannelEndpoint.Parse(endpoint);
        var channel = parsed.CreateChannel();
        object owner;
        if (profile.Scpi is { } scpi)
        {
            var session = new ScpiSession(channel, new ScpiSessionOptions
            {
                Device = device,
                Timeout = TimeSpan.FromMilliseconds(scpi.TimeoutMs),
                WriteTerminator = scpi.WriteTerminator,
                CheckErrorsAfterCommand = scpi.CheckErrors,
            }, Recorder, _time, _loggers.CreateLogger<ScpiSession>());
            _lines.Add(session);
            owner = session;
        }
        else
        {
            var masterOptions = new ModbusMasterOptions { Timeout = TimeSpan.FromMilliseconds(profile.Modbus!.TimeoutMs) };
            foreach (var (unit, name) in unitNames.GetValueOrDefault(key) ?? [])
            {
                masterOptions.Units[unit] = new ModbusUnitOptions { Name = name };
            }

            ModbusMaster master = LineProtocol(profile, parsed) == InstrumentProtocol.ModbusTcp
                ? new ModbusTcpMaster(channel, masterOptions, Recorder, _time, _loggers.CreateLogger<ModbusTcpMaster>())
                : new ModbusRtuMaster(channel, masterOptions, Recorder, _time, _loggers.CreateLogger<ModbusRtuMaster>(), parsed.IsSerial ? parsed.Serial : null);
            _lines.Add(master);
            owner = master;
        }

        lines[key] = (owner, channel.Name);
        return lines[key];
    }

    private static List<InstrumentOptions> EmbeddedInstruments(SimulatedBench sim, DateOnly due)
    {
        InstrumentOptions From(SimulatedEndpoint e, string id) => new()
        {
            Id = id,
            Role = e.Role,
            Profile = e.Profile,
            Endpoint = e.Endpoint,
            UnitId = Math.Max(1, e.UnitId),
            CalibrationCertificate = "SIM-" + id,
            CalibrationDue = due,
        };

        return
        [
            From(sim.Endpoint("conductor_resistance_meter"), "SIM-OHM"),
            From(sim.Endpoint("insulation_tester"), "SIM-IR"),
            From(sim.Endpoint("withstand_tester", InstrumentProtocols.ModbusTcp), "SIM-HV"),
            From(sim.Endpoint("ambient_sensor"), "SIM-TH"),
            From(sim.Endpoint("bath_thermometer"), "SIM-BATH"),
        ];
    }
}
