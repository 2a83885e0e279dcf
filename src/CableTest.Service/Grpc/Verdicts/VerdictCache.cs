using CableTest.Contracts.V1;
using CableTest.Service.Hosting;
using CableTest.Storage.Runs;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// Stored verdicts mapped to the API message, kept by sequence: a verdict never changes once
/// appended, and parsing its evidence JSON is most of what a read costs (about 70 µs for three
/// tests, against 6 µs to write the message to the wire). A cached entry is used only while the
/// stored content hash still matches it, with its wire encoding (<see cref="VerdictWire"/>), so a read
/// neither parses nor encodes it again. The messages are shared between responses: never mutate one.
/// </summary>
internal sealed class VerdictCache : IDisposable
{
    private readonly MemoryCache? cache;

    public VerdictCache(IOptions<GrpcOptions> options)
    {
        var size = options.Value.VerdictCacheSize;
        cache = size > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = size, CompactionPercentage = 0.25 }) : null;
    }

    public Verdict Map(StoredVerdict stored)
    {
        if (cache is null)
        {
            return VerdictDocument.FromStored(stored);
        }

        if (cache.TryGetValue(stored.Sequence, out Verdict? hit) && hit!.ContentSha256 == stored.ContentSha256 && hit.PreviousSha256 == stored.PreviousSha256
            && hit.ChainSha256 == stored.ChainSha256 && VerdictDocument.IndexMismatch(hit, stored) is null)
        {
            return hit;
        }

        var verdict = VerdictDocument.FromStored(stored);
        VerdictWire.Remember(verdict);
        cache.Set(stored.Sequence, verdict, new MemoryCacheEntryOptions { Size = 1 });
        return verdict;
    }

    public void Dispose() => cache?.Dispose();
}
