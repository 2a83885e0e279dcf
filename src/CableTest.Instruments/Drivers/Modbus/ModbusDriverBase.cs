using CableTest.Instruments.Modbus;
using CableTest.Instruments.Profiles;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.Instruments.Drivers.Modbus;

/// <summary>
/// Common plumbing of profile-driven Modbus drivers: named points read in one block per table,
/// writes encoded by the point's codec, and every communication failure surfaced as an
/// <see cref="InstrumentException"/> carrying the original error.
/// </summary>
public abstract class ModbusDriverBase : IInstrument
{
    /// <summary>Creates the driver for one unit on a line.</summary>
    protected ModbusDriverBase(IModbusMaster master, byte unitId, InstrumentProfile profile, InstrumentRole role)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Role != role || profile.Modbus is null)
        {
            throw new ArgumentException($"profile {profile.Name} is a {InstrumentRoles.Name(profile.Role)} over {profile.Protocol}, not a Modbus {InstrumentRoles.Name(role)}", nameof(profile));
        }

        if (unitId is 0 or > 247)
        {
            throw new ArgumentOutOfRangeException(nameof(unitId), unitId, "unit id must be 1..247");
        }

        Master = master;
        UnitId = unitId;
        Profile = profile;
        Map = profile.Modbus;
    }

    /// <inheritdoc />
    public InstrumentRole Role => Profile.Role;

    /// <inheritdoc />
    public string ProfileName => Profile.Name;

    /// <summary>The master that owns the line.</summary>
    protected IModbusMaster Master { get; }

    /// <summary>Unit id on the line.</summary>
    protected byte UnitId { get; }

    /// <summary>The profile.</summary>
    protected InstrumentProfile Profile { get; }

    /// <summary>Register map.</summary>
    protected ModbusProfile Map { get; }

    /// <inheritdoc />
    public Task<InstrumentIdentity> IdentifyAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new InstrumentIdentity(Profile.Source.Manufacturer, Profile.Source.Model, string.Empty, string.Empty, Profile.Name));

    /// <inheritdoc />
    /// <remarks>Reads the map's first point, an input register when it has one (live state, never a setting).</remarks>
    public Task PingAsync(CancellationToken cancellationToken) =>
        ReadPointsAsync([Map.Points.OrderBy(p => p.Value.IsHolding).ThenBy(p => p.Value.Address).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key], cancellationToken);

    /// <summary>Reads the named points, one request per table covering them all; returns engineering values by name.</summary>
    protected async Task<IReadOnlyDictionary<string, double>> ReadPointsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, double>(names.Count, StringComparer.Ordinal);
        foreach (var group in names.Select(n => (Name: n, Point: Map.Points[n])).GroupBy(p => p.Point.IsHolding))
        {
            var first = group.Min(p => p.Point.Address);
            var last = group.Max(p => p.Point.Address + p.Point.Codec.RegisterCount);
            var registers = await GuardAsync(async () => group.Key
                ? await Master.ReadHoldingRegistersAsync(UnitId, first, (ushort)(last - first), cancellationToken).ConfigureAwait(false)
                : await Master.ReadInputRegistersAsync(UnitId, first, (ushort)(last - first), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            foreach (var (name, point) in group)
            {
                var value = point.Codec.Decode(registers.AsSpan(point.Address - first, point.Codec.RegisterCount));
                if (!double.IsFinite(value))
                {
                    throw new InstrumentException($"{Profile.Name} unit {UnitId} on {Master.LineName}: {name} is not a finite number");
                }

                values[name] = value;
            }
        }

        return values;
    }

    /// <summary>Writes one named holding point.</summary>
    protected Task WritePointAsync(string name, double value, CancellationToken cancellationToken)
    {
        var point = Map.Points[name];
        if (!point.IsHolding)
        {
            throw new InvalidOperationException($"profile {Profile.Name}: {name} is an input register and cannot be written");
        }

        var registers = new ushort[point.Codec.RegisterCount];
        point.Codec.Encode(value, registers);
        return GuardAsync(async () =>
        {
            if (registers.Length == 1)
            {
                await Master.WriteSingleRegisterAsync(UnitId, point.Address, registers[0], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Master.WriteMultipleRegistersAsync(UnitId, point.Address, registers, cancellationToken).ConfigureAwait(false);
            }

            return true;
        });
    }

    /// <summary>The integer code the profile names.</summary>
    protected int Code(string name) => Map.Codes[name];

    private async Task<T> GuardAsync<T>(Func<Task<T>> exchange)
    {
        try
        {
            return await exchange().ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or ModbusException or ModbusFrameException or ModbusDeviceUnavailableException or TransportException)
        {
            throw new ModbusInstrumentException($"{Profile.Name} unit {UnitId} on {Master.LineName}: {e.Message}", e);
        }
    }
}
