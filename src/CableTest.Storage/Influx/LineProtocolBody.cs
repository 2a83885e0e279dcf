namespace CableTest.Storage.Influx;

/// <summary>A write request's body: the lines joined by '\n' (one after the last), in one uninitialised array, one copy.</summary>
internal static class LineProtocolBody
{
    public static byte[] Join(IReadOnlyList<ReadOnlyMemory<byte>> lines)
    {
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
}
