namespace CableTest.Protocols.Scpi;

/// <summary>Finds reply lines in received bytes: a line ends at LF (a preceding CR is dropped) or at a configured terminator.</summary>
public static class ScpiLineFramer
{
    /// <summary>
    /// Looks for a complete line in <paramref name="buffer"/>. Returns false when more bytes are needed.
    /// On success <paramref name="line"/> excludes the terminator (and a CR before LF) and
    /// <paramref name="consumed"/> counts the bytes including the terminator.
    /// </summary>
    public static bool TryReadLine(ReadOnlySpan<byte> buffer, byte terminator, out ReadOnlySpan<byte> line, out int consumed)
    {
        var end = buffer.IndexOf(terminator);
        if (end < 0)
        {
            line = default;
            consumed = 0;
            return false;
        }

        consumed = end + 1;
        line = buffer[..end];
        if (terminator == (byte)'\n' && line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return true;
    }
}
