using System.Text.Json;
using CableTest.Domain.Instruments;
using CableTest.Instruments.Drivers;
using CableTest.Protocols.Modbus;

namespace CableTest.Instruments.Profiles;

/// <summary>
/// Instrument profiles: the shipped ones (embedded data files) plus a lab's own from directories. Every
/// file is validated at load against its role's contract; a bad file is an error naming file and key.
/// </summary>
public sealed partial class ProfileCatalogue
{
    private readonly Dictionary<string, InstrumentProfile> _profiles;

    private ProfileCatalogue(Dictionary<string, InstrumentProfile> profiles) => _profiles = profiles;

    /// <summary>Every profile, by name.</summary>
    public IReadOnlyCollection<InstrumentProfile> All => _profiles.Values;

    /// <summary>The shipped profiles.</summary>
    public static ProfileCatalogue LoadDefault() => Load([]);

    /// <summary>The shipped profiles plus every <c>*.json</c> in <paramref name="directories"/> (a name may not repeat).</summary>
    public static ProfileCatalogue Load(IEnumerable<string> directories)
    {
        var profiles = new Dictionary<string, InstrumentProfile>(StringComparer.Ordinal);
        var assembly = typeof(ProfileCatalogue).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("CableTest.Instruments.Profiles.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            Add(profiles, Parse(stream, "embedded:" + resource["CableTest.Instruments.Profiles.".Length..]));
        }

        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                throw new ProfileLoadException(directory, "directory", "profile directory does not exist");
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                using var stream = File.OpenRead(file);
                Add(profiles, Parse(stream, file));
            }
        }

        return new ProfileCatalogue(profiles);
    }

    /// <summary>The named profile, or an error listing what exists for diagnosis.</summary>
    public InstrumentProfile Get(string name) =>
        _profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new KeyNotFoundException($"no instrument profile \"{name}\" (known: {string.Join(", ", _profiles.Keys.Order(StringComparer.Ordinal))})");

    /// <summary>Parses and validates one profile document.</summary>
    public static InstrumentProfile Parse(Stream json, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ProfileLoadException(file, $"line {e.LineNumber + 1}", "not valid JSON: " + e.Message);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var reader = new Reader(file);
            var schema = reader.Int(root, "schema");
            if (schema != 1)
            {
                throw new ProfileLoadException(file, "schema", $"version {schema} not supported (expected 1)");
            }

            var name = reader.String(root, "name");
            var roleName = reader.String(root, "role");
            if (!InstrumentRoles.TryParse(roleName, out var role))
            {
                throw new ProfileLoadException(file, "role", $"unknown role \"{roleName}\"");
            }

            var protocol = reader.String(root, "protocol");
            if (!InstrumentProtocols.TryParse(protocol, out var protocolKind))
            {
                throw new ProfileLoadException(file, "protocol", $"must be {InstrumentProtocols.Choices}, was \"{protocol}\"");
            }

            var source = ParseSource(reader, reader.Object(root, "source"));

            SerialDefaults? serial = null;
            if (root.TryGetProperty("serial", out var serialElement))
            {
                serial = new SerialDefaults(
                    reader.Int(serialElement, "baud_rate", "serial."),
                    reader.String(serialElement, "parity", "serial."),
                    reader.Int(serialElement, "data_bits", "serial."),
                    reader.Int(serialElement, "stop_bits", "serial."));
                if (serial.BaudRate <= 0 || serial.Parity is not ("none" or "even" or "odd") || serial.DataBits is not (7 or 8) || serial.StopBits is not (1 or 2))
                {
                    throw new ProfileLoadException(file, "serial", "baud_rate > 0, parity none|even|odd, data_bits 7|8, stop_bits 1|2");
                }
            }

            ScpiProfile? scpi = null;
            ModbusProfile? modbus = null;
            if (protocolKind == InstrumentProtocol.Scpi)
            {
                scpi = ParseScpi(reader, reader.Object(root, "scpi"), role);
            }
            else
            {
                modbus = ParseModbus(reader, reader.Object(root, "modbus"), role);
            }

            return new InstrumentProfile(name, role, protocol, source, serial, scpi, modbus, file) { Accuracy = ParseAccuracy(reader, root, name, source.Tag) };
        }
    }

    private static ScpiProfile ParseScpi(Reader reader, JsonElement element, InstrumentRole role)
    {
        var terminator = reader.String(element, "write_terminator", "scpi.");
        if (terminator is not ("\n" or "\r\n"))
        {
            throw new ProfileLoadException(reader.File, "scpi.write_terminator", "must be \"\\n\" or \"\\r\\n\"");
        }

        var commands = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var command in reader.Object(element, "commands", "scpi.").EnumerateObject())
        {
            if (command.Value.ValueKind != JsonValueKind.Array || command.Value.GetArrayLength() == 0 || command.Value.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(c.GetString())))
            {
                throw new ProfileLoadException(reader.File, "scpi.commands." + command.Name, "must be a non-empty array of command strings");
            }

            commands[command.Name] = command.Value.EnumerateArray().Select(c => c.GetString()!).ToArray();
        }

        var fields = new Dictionary<string, int>(StringComparer.Ordinal);
        if (element.TryGetProperty("fields", out var fieldsElement))
        {
            foreach (var field in fieldsElement.EnumerateObject())
            {
                if (!field.Value.TryGetInt32(out var index) || index < 0)
                {
                    throw new ProfileLoadException(reader.File, "scpi.fields." + field.Name, "must be a field index ≥ 0");
                }

                fields[field.Name] = index;
            }
        }

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("codes", out var codesElement))
        {
            foreach (var code in codesElement.EnumerateObject())
            {
                codes[code.Name] = code.Value.GetString() ?? throw new ProfileLoadException(reader.File, "scpi.codes." + code.Name, "must be a string");
            }
        }

        foreach (var code in codes.Where(c => role == InstrumentRole.WithstandTester && !RoleContract.WithstandMeanings.Contains(c.Value)))
        {
            throw new ProfileLoadException(reader.File, "scpi.codes." + code.Key, $"\"{code.Value}\" is not a status meaning ({string.Join(", ", RoleContract.WithstandMeanings)})");
        }

        foreach (var required in RoleContract.ScpiCommands(role).Where(c => !commands.ContainsKey(c)))
        {
            throw new ProfileLoadException(reader.File, "scpi.commands." + required, $"required for role {InstrumentRoles.Name(role)}");
        }

        foreach (var required in RoleContract.ScpiFields(role).Where(f => !fields.ContainsKey(f)))
        {
            throw new ProfileLoadException(reader.File, "scpi.fields." + required, $"required for role {InstrumentRoles.Name(role)}");
        }

        var timeout = reader.Int(element, "timeout_ms", "scpi.");
        if (timeout is <= 0 or > 600_000)
        {
            throw new ProfileLoadException(reader.File, "scpi.timeout_ms", "must be within 1..600000");
        }

        var checkErrors = element.TryGetProperty("check_errors", out var check) && check.ValueKind == JsonValueKind.True;
        return new ScpiProfile(terminator, timeout, checkErrors, commands, fields, codes, ParseScales(reader, element, fields))
        {
            ReadingStatus = ParseReadingStatus(reader, element, fields),
        };
    }

    private static ModbusProfile ParseModbus(Reader reader, JsonElement element, InstrumentRole role)
    {
        var points = new Dictionary<string, ModbusPoint>(StringComparer.Ordinal);
        foreach (var point in reader.Object(element, "points", "modbus.").EnumerateObject())
        {
            var key = "modbus.points." + point.Name + ".";
            var table = reader.String(point.Value, "table", key);
            if (table is not ("holding" or "input"))
            {
                throw new ProfileLoadException(reader.File, key + "table", "must be holding or input");
            }

            var address = reader.Int(point.Value, "address", key);
            if (address is < 0 or > ushort.MaxValue)
            {
                throw new ProfileLoadException(reader.File, key + "address", "must be 0..65535");
            }

            if (!Enum.TryParse<RegisterValueType>(reader.String(point.Value, "type", key), ignoreCase: true, out var type))
            {
                throw new ProfileLoadException(reader.File, key + "type", "must be int16, uint16, int32, uint32, float32 or float64");
            }

            var order = RegisterByteOrder.ABCD;
            if (point.Value.TryGetProperty("order", out var orderElement) && !Enum.TryParse(orderElement.GetString(), ignoreCase: false, out order))
            {
                throw new ProfileLoadException(reader.File, key + "order", "must be ABCD, DCBA, BADC or CDAB");
            }

            var scale = point.Value.TryGetProperty("scale", out var s) ? s.GetDouble() : 1.0;
            var offset = point.Value.TryGetProperty("offset", out var o) ? o.GetDouble() : 0.0;
            try
            {
                points[point.Name] = new ModbusPoint(table, (ushort)address, new RegisterCodec(type, order, scale, offset));
            }
            catch (ArgumentException e)
            {
                throw new ProfileLoadException(reader.File, key.TrimEnd('.'), e.Message);
            }
        }

        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        if (element.TryGetProperty("codes", out var codesElement))
        {
            foreach (var code in codesElement.EnumerateObject())
            {
                codes[code.Name] = code.Value.TryGetInt32(out var v) ? v : throw new ProfileLoadException(reader.File, "modbus.codes." + code.Name, "must be an integer");
            }
        }

        foreach (var required in RoleContract.ModbusPoints(role).Where(p => !points.ContainsKey(p)))
        {
            throw new ProfileLoadException(reader.File, "modbus.points." + required, $"required for role {InstrumentRoles.Name(role)}");
        }

        foreach (var required in RoleContract.ModbusCodes(role).Where(c => !codes.ContainsKey(c)))
        {
            throw new ProfileLoadException(reader.File, "modbus.codes." + required, $"required for role {InstrumentRoles.Name(role)}");
        }

        var timeout = reader.Int(element, "timeout_ms", "modbus.");
        if (timeout is <= 0 or > 60_000)
        {
            throw new ProfileLoadException(reader.File, "modbus.timeout_ms", "must be within 1..60000");
        }

        return new ModbusProfile(points, codes, timeout);
    }

    private static void Add(Dictionary<string, InstrumentProfile> profiles, InstrumentProfile profile)
    {
        if (!profiles.TryAdd(profile.Name, profile))
        {
            throw new ProfileLoadException(profile.File, "name", $"profile \"{profile.Name}\" is already defined in {profiles[profile.Name].File}");
        }
    }
}
