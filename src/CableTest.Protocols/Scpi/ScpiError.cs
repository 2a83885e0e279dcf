using System.Globalization;

namespace CableTest.Protocols.Scpi;

/// <summary>One entry of the instrument's error queue (<c>SYST:ERR?</c>), e.g. <c>-222,"Data out of range"</c>.</summary>
/// <param name="Code">0 means "no error"; negative codes are SCPI standard, positive are device-specific.</param>
/// <param name="Message">The quoted description.</param>
public sealed record ScpiError(int Code, string Message)
{
    /// <summary>True for the "no error" entry that ends the queue.</summary>
    public bool IsNoError => Code == 0;

    /// <summary>Parses a <c>SYST:ERR?</c> reply. A bare code without a message is accepted.</summary>
    public static ScpiError Parse(string reply)
    {
        var fields = ScpiReply.Fields(reply);
        if (fields.Count > 2 || !int.TryParse(fields[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
        {
            throw new ScpiParseException("SYST:ERR? reply must be <code>,\"<message>\"", reply);
        }

        return new ScpiError(code, fields.Count == 2 ? ScpiReply.Unquote(fields[1]) : string.Empty);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code},\"{Message}\"");
}
