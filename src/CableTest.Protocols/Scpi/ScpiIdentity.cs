namespace CableTest.Protocols.Scpi;

/// <summary>The four fields of an IEEE 488.2 <c>*IDN?</c> reply.</summary>
/// <param name="Manufacturer">Field 1.</param>
/// <param name="Model">Field 2.</param>
/// <param name="SerialNumber">Field 3 ("0" when the instrument does not report one).</param>
/// <param name="Firmware">Field 4.</param>
public sealed record ScpiIdentity(string Manufacturer, string Model, string SerialNumber, string Firmware)
{
    /// <summary>Parses a <c>*IDN?</c> reply; fewer than four fields is an error (more are joined into the firmware field).</summary>
    public static ScpiIdentity Parse(string reply)
    {
        var fields = ScpiReply.Fields(reply);
        if (fields.Count < 4 || string.IsNullOrWhiteSpace(fields[0]) || string.IsNullOrWhiteSpace(fields[1]))
        {
            throw new ScpiParseException("*IDN? reply must have manufacturer, model, serial, firmware", reply);
        }

        return new ScpiIdentity(fields[0], fields[1], fields[2], string.Join(",", fields.Skip(3)));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Manufacturer} {Model} s/n {SerialNumber} fw {Firmware}";
}
