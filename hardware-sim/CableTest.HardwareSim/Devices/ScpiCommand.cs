namespace CableTest.HardwareSim.Devices;

/// <summary>One received program message: header (without '?'), whether it is a query, and the argument text.</summary>
internal readonly record struct ScpiCommand(string Header, bool IsQuery, string Argument)
{
    public static ScpiCommand Parse(string line)
    {
        var text = line.Trim();
        var space = text.IndexOfAny([' ', '\t']);
        var header = space < 0 ? text : text[..space];
        var argument = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        var query = header.EndsWith('?');
        return new ScpiCommand(query ? header[..^1] : header, query, argument);
    }

    public bool Is(string pattern) => ScpiMnemonic.Matches(Header, pattern);
}
