namespace CableTest.Protocols.Scpi;

/// <summary>A reply that is not what the SCPI grammar (or the query) allows: garbage, an empty field, a bad number.</summary>
public sealed class ScpiParseException : FormatException
{
    /// <summary>Creates the exception with the offending text.</summary>
    public ScpiParseException(string message, string? reply)
        : base(reply is null ? message : $"{message} (reply: \"{Printable(reply)}\")")
    {
        Reply = reply;
    }

    /// <summary>Creates the exception.</summary>
    public ScpiParseException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScpiParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScpiParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The reply text as received, or null.</summary>
    public string? Reply { get; }

    private static string Printable(string text)
    {
        var shown = text.Length > 80 ? text[..80] + "…" : text;
        return string.Create(shown.Length, shown, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = char.IsControl(s[i]) ? '·' : s[i];
            }
        });
    }
}
