namespace CableTest.Domain.Inputs;

/// <summary>
/// Limits for free text a client sends (names, orders, reasons, descriptions): a length in
/// characters and no control characters, so every text field has the same bound on gRPC and JSON
/// and none can forge a line in a log or a report.
/// </summary>
public sealed record TextRule(int MaxLength, bool AllowLineBreaks)
{
    /// <summary>Operator names, LIMS orders, spec ids, kt method and other one-line values: 128 characters.</summary>
    public static TextRule ShortText { get; } = new(128, AllowLineBreaks: false);

    /// <summary>An abort reason: 1,000 characters, one line.</summary>
    public static TextRule Reason { get; } = new(1_000, AllowLineBreaks: false);

    /// <summary>A sample's description shown on the report: 4,000 characters, line breaks allowed.</summary>
    public static TextRule Description { get; } = new(4_000, AllowLineBreaks: true);

    /// <summary>What is wrong with <paramref name="value"/> in words, or null when it follows the rule.</summary>
    public string? Problem(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > MaxLength)
        {
            return $"at most {MaxLength} characters (got {value.Length})";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            var lineBreak = c is '\n' or '\r' or '\t';
            if ((char.IsControl(c) && !(lineBreak && AllowLineBreaks)) || char.IsSurrogate(c))
            {
                return AllowLineBreaks
                    ? "no control characters other than tabs and line breaks, and whole Unicode characters"
                    : "one line of text without control characters, and whole Unicode characters";
            }
        }

        return null;
    }
}
