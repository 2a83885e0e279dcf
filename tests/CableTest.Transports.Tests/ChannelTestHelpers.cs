using CableTest.Transports;

namespace CableTest.Transports.Tests;

internal static class ChannelTestHelpers
{
    /// <summary>Reads exactly <paramref name="count"/> bytes or fails after <paramref name="timeout"/>.</summary>
    public static async Task<byte[]> ReadExactlyAsync(this IByteChannel channel, int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var result = new byte[count];
        var at = 0;
        while (at < count)
        {
            var n = await channel.ReadAsync(result.AsMemory(at), cts.Token);
            if (n == 0)
            {
                throw new EndOfStreamException($"{channel.Name} closed after {at} of {count} bytes");
            }

            at += n;
        }

        return result;
    }
}
