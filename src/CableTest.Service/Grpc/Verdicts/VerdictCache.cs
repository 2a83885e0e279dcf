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
/// Bounded by memory (<see cref="GrpcOptions.VerdictCacheMegabytes"/>): an entry counts as
/// <see cref="BytesPerEncodedByte"/> times its encoding; the least recently used quarter goes when full.
/// </summary>
internal sealed class VerdictCache : IDisposable
{
    /// <summary>The message objects take about twice the encoding; the encoding itself is kept too.</summary>
    internal const int BytesPerEncodedByte = 3;

    private readonly MemoryCache? cache;

    public VerdictCache(IOptions<GrpcOptions> options)
    {
        var megabytes = options.Value.VerdictCacheMegabytes;
        cache = megabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * (1L << 20), CompactionPercentage = 0.25, TrackStatistics = true }) : null;
    }

    /// <summary>Whether the verdict at <paramref name="sequence"/> is cached, without touching it (for tests).</summary>
    internal bool Holds(long sequence) => cache?.Keys.Contains(sequence) ?? false;

    /// <summary>What the entries are counted at now, in bytes (for tests and the docs' figure).</summary>
    internal long CountedBytes => cache?.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

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
        var encoded = VerdictWire.Remember(verdict);
        cache.Set(stored.Sequence, verdict, new MemoryCacheEntryOptions { Size = (long)encoded * BytesPerEncodedByte });
        return verdict;
    }

    /// <summary>
    /// The verdict a key (run id, verdict id or sample id, by <paramref name="kind"/>) was found to name
    /// when the store's change stamp was <paramref name="stamp"/>, if that was checked at this very stamp
    /// and the verdict is still cached: nothing has been committed to the store since, so the record is
    /// still what was read and checked then.
    /// </summary>
    public Verdict? Current(GetVerdictRequest.KeyOneofCase kind, string key, long stamp) =>
        cache is not null && cache.TryGetValue(new Lookup(kind, key), out KeyedTo? found) && found!.Stamp == stamp
            && cache.TryGetValue(found.Sequence, out Verdict? hit) ? hit : null;

    /// <summary>Remembers that <paramref name="key"/> named the verdict at <paramref name="sequence"/> when the stamp, taken before the read, was <paramref name="stamp"/>.</summary>
    public void Found(GetVerdictRequest.KeyOneofCase kind, string key, long sequence, long stamp) =>
        cache?.Set(new Lookup(kind, key), new KeyedTo(sequence, stamp), new MemoryCacheEntryOptions { Size = LookupBytes + (2L * key.Length) });

    public void Dispose() => cache?.Dispose();

    /// <summary>What a lookup entry is counted at besides its key's characters.</summary>
    private const int LookupBytes = 96;

    private readonly record struct Lookup(GetVerdictRequest.KeyOneofCase Kind, string Key);

    private sealed record KeyedTo(long Sequence, long Stamp);
}
