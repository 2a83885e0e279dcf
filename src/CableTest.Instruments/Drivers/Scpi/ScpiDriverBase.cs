using CableTest.Instruments.Profiles;
using CableTest.Instruments.Scpi;
using CableTest.Protocols.Scpi;

namespace CableTest.Instruments.Drivers.Scpi;

/// <summary>Common plumbing of profile-driven SCPI drivers: command lists, field extraction, identity.</summary>
public abstract class ScpiDriverBase : IInstrument
{
    private InstrumentIdentity? _identity;

    /// <summary>Creates the driver over a session for a SCPI profile of the right role.</summary>
    protected ScpiDriverBase(ScpiSession session, InstrumentProfile profile, InstrumentRole role)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Role != role || profile.Scpi is null)
        {
            throw new ArgumentException($"profile {profile.Name} is a {InstrumentRoles.Name(profile.Role)} over {profile.Protocol}, not a SCPI {InstrumentRoles.Name(role)}", nameof(profile));
        }

        Session = session;
        Profile = profile;
        Scpi = profile.Scpi;
    }

    /// <inheritdoc />
    public InstrumentRole Role => Profile.Role;

    /// <inheritdoc />
    public string ProfileName => Profile.Name;

    /// <summary>The profile.</summary>
    protected InstrumentProfile Profile { get; }

    /// <summary>The profile's SCPI part.</summary>
    protected ScpiProfile Scpi { get; }

    /// <summary>The session (the line's owner).</summary>
    protected ScpiSession Session { get; }

    /// <inheritdoc />
    public async Task<InstrumentIdentity> IdentifyAsync(CancellationToken cancellationToken)
    {
        if (_identity is not null)
        {
            return _identity;
        }

        var id = await Session.IdentifyAsync(cancellationToken).ConfigureAwait(false);
        _identity = new InstrumentIdentity(id.Manufacturer, id.Model, id.SerialNumber, id.Firmware, Profile.Name);
        return _identity;
    }

    /// <inheritdoc />
    /// <remarks><c>*IDN?</c> again; the identity learnt is replaced (an instrument swapped on the line shows as the new one).</remarks>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var id = await Session.IdentifyAsync(cancellationToken).ConfigureAwait(false);
        _identity = new InstrumentIdentity(id.Manufacturer, id.Model, id.SerialNumber, id.Firmware, Profile.Name);
    }

    /// <summary>Sends every command of a named list (rendered with <paramref name="values"/>).</summary>
    protected async Task RunCommandsAsync(string name, IReadOnlyDictionary<string, object> values, CancellationToken cancellationToken)
    {
        foreach (var template in Commands(name))
        {
            await Session.SendAsync(Render(template, values), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs a named list that ends in a query and returns the reply. Every query in the list is answered;
    /// when there are several, their replies are joined in order with commas into one field list (an
    /// instrument that reports result, voltage and current through separate queries).
    /// </summary>
    protected async Task<string> QueryAsync(string name, CancellationToken cancellationToken)
    {
        var commands = Commands(name);
        string? joined = null;
        for (var i = 0; i < commands.Count; i++)
        {
            var command = Render(commands[i], Empty);
            if (i < commands.Count - 1 && !IsQuery(command))
            {
                await Session.SendAsync(command, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var reply = await Session.QueryAsync(command, cancellationToken).ConfigureAwait(false);
            joined = joined is null ? reply : joined + "," + reply;
        }

        return joined!;
    }

    /// <summary>True when the profile maps the field (optional fields are derived when absent).</summary>
    protected bool HasField(string name) => Scpi.Fields.ContainsKey(name);

    /// <summary>The named field of a comma-separated reply, as text.</summary>
    protected string Field(IReadOnlyList<string> fields, string name, string reply)
    {
        var index = Scpi.Fields[name];
        return index < fields.Count
            ? fields[index]
            : throw Bad($"reply has {fields.Count} fields, {name} is field {index + 1}", reply);
    }

    /// <summary>
    /// The named field as a number in the field's unit: a unit after the number (kV, mA, S, MOhm) is converted,
    /// text before it (GW Instek's "T=") skipped, and the profile's scale for the field applied.
    /// </summary>
    protected ScpiValue NumberField(IReadOnlyList<string> fields, string name, string reply) =>
        NumberField(fields, name, reply, out _);

    /// <summary>
    /// The named field as a number, as above; when the profile gives the field reading-status prefixes
    /// (<c>+1.2E+12NOHM</c>: status N, unit OHM), the prefix must be one of them and <paramref name="status"/> is
    /// its meaning (normal, overflow, invalid); otherwise it is "normal".
    /// </summary>
    protected ScpiValue NumberField(IReadOnlyList<string> fields, string name, string reply, out string status)
    {
        var text = Field(fields, name, reply);
        var start = 0;
        while (start < text.Length && !char.IsAsciiDigit(text[start]) && text[start] is not ('+' or '-' or '.'))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '+' or '-' or '.' or 'E' or 'e'))
        {
            end++;
        }

        if (!ScpiNumbers.TryParse(text.AsSpan(start, end - start), out var value))
        {
            throw Bad($"{name} is not a number", reply);
        }

        var suffix = text[end..].Trim();
        status = "normal";
        if (Scpi.ReadingStatus.TryGetValue(name, out var prefixes))
        {
            var prefix = prefixes.Keys.Where(p => suffix.StartsWith(p, StringComparison.Ordinal)).MaxBy(p => p.Length)
                ?? throw Bad($"{name} has no reading status (expected one of {string.Join(", ", prefixes.Keys)} before the unit)", reply);
            status = prefixes[prefix];
            suffix = suffix[prefix.Length..];
        }

        var factor = UnitFactor(name, suffix);
        if (factor is null)
        {
            throw Bad($"{name} has unit \"{suffix}\" that does not fit", reply);
        }

        var scale = Scpi.Scales.TryGetValue(name, out var s) ? s : 1.0;
        return value with { Value = value.Value * factor.Value * scale };
    }

    private static bool IsQuery(string command) => command.Contains('?', StringComparison.Ordinal);

    private static double? UnitFactor(string name, ReadOnlySpan<char> unit)
    {
        if (unit.IsEmpty)
        {
            return 1;
        }

        if (name.EndsWith("_v", StringComparison.Ordinal))
        {
            // Vsrc: Keithley 6517B's V-source element with units on.
            return unit switch { "V" or "Vsrc" => 1, "kV" or "KV" => 1000, _ => null };
        }

        if (name.EndsWith("_ma", StringComparison.Ordinal))
        {
            return unit switch { "mA" or "MA" => 1, "uA" or "µA" or "UA" => 0.001, "A" => 1000, _ => null };
        }

        if (name.EndsWith("_s", StringComparison.Ordinal))
        {
            return unit switch { "S" or "s" => 1, "MIN" or "min" => 60, _ => null };
        }

        return unit switch { "OHM" or "Ohm" or "Ω" => 1, "kOHM" or "kOhm" => 1e3, "MOHM" or "MOhm" or "MΩ" => 1e6, "GOHM" or "GOhm" or "GΩ" => 1e9, _ => null };
    }

    /// <summary>An error about a reply that does not fit the profile.</summary>
    protected InstrumentException Bad(string problem, string reply) =>
        new($"{Profile.Name} on {Session.Line}: {problem} (reply \"{reply}\")");

    private static readonly Dictionary<string, object> Empty = [];

    private IReadOnlyList<string> Commands(string name) =>
        Scpi.Commands.TryGetValue(name, out var commands)
            ? commands
            : throw new InvalidOperationException($"profile {Profile.Name} has no \"{name}\" command");

    private string Render(string template, IReadOnlyDictionary<string, object> values)
    {
        try
        {
            return ScpiTemplate.Render(template, values);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"profile {Profile.Name} ({Profile.File}): {e.Message}", e);
        }
    }
}
