using System.Runtime.InteropServices;

namespace CableTest.Storage.Influx;

/// <summary>
/// A write request's body: the lines joined by '\n' (one after the last). When the lines already lie
/// so in one array and fill it, but for newlines after the last (the outbox keeps its newest group commits this way,
/// see DurableOutbox.Tail.cs), that array is the body, not copied; otherwise one uninitialised array, one
/// copy. Either way the body must not be written to.
/// </summary>
internal static class LineProtocolBody
{
    public static byte[] Join(IReadOnlyList<ReadOnlyMemory<byte>> lines)
    {
        if (TryWhole(lines, out var whole))
        {
            return whole;
        }

        var size = 0;
        foreach (var line in lines)
        {
            size += line.Length + 1;
        }

        var body = GC.AllocateUninitializedArray<byte>(size);
        var at = 0;
        foreach (var line in lines)
        {
            line.Span.CopyTo(body.AsSpan(at));
            at += line.Length;
            body[at++] = (byte)'\n';
        }

        return body;
    }

    /// <summary>True when <paramref name="lines"/> are, in order, the whole of one array with a '\n' after each (and nothing but '\n' after the last).</summary>
    private static bool TryWhole(IReadOnlyList<ReadOnlyMemory<byte>> lines, out byte[] whole)
    {
        whole = [];
        if (lines.Count == 0 || !MemoryMarshal.TryGetArray(lines[0], out var first) || first.Offset != 0)
        {
            return false;
        }

        var array = first.Array!;
        var next = 0;
        foreach (var line in lines)
        {
            if (!MemoryMarshal.TryGetArray(line, out var segment) || !ReferenceEquals(segment.Array, array) || segment.Offset != next)
            {
                return false;
            }

            next += segment.Count;
            if (next >= array.Length || array[next] != (byte)'\n')
            {
                return false;
            }

            next++;
        }

        // A pooled tail array ends in newlines past its last line: empty lines, which line protocol skips.
        if (array.AsSpan(next).ContainsAnyExcept((byte)'\n'))
        {
            return false;
        }

        whole = array;
        return true;
    }
}
