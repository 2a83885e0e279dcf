using CableTest.Contracts.V1;
using CableTest.Service.Hosting;
using CableTest.Storage.Runs;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// Stored verdicts kept by sequence, as their protobuf encoding and the header the integrity checks need
/// (<see cref="CachedVerdict"/>): a verdict never changes once appended, and parsing its evidence JSON is most
/// of what a read costs (about 70 µs for three tests). A cached entry is used only while the stored hashes and
/// index columns are still those it was mapped and checked from (else the record is mapped again, and refused if
/// its columns disagree with its evidence). A binary gRPC response writes the encoding as it is
/// (see <see cref="VerdictReplies"/>); anything else gets a message parsed from
/// it, its own to keep. Bounded by memory (<see cref="GrpcOptions.VerdictCacheMegabytes"/>): an entry counts as
/// what it takes (<see cref="CachedVerdict.Bytes"/>); the least recently used quarter goes when full.
/// </summary>
internal sealed class VerdictCache : IDisposable
{
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

    /// <summary>
    /// The verdict <paramref name="stored"/> holds: from the cache while its hashes and index columns match, else
    /// mapped from its evidence (<see cref="VerdictDocument.FromStored"/>, which throws on an index mismatch) and
    /// cached. <paramref name="encoded"/>: the caller's response is written by <see cref="VerdictWire"/>, so a
    /// cached verdict's stand-in will do (see <see cref="VerdictReplies"/>).
    /// </summary>
    public Verdict Map(StoredVerdict stored, bool encoded)
    {
        if (cache is null)
        {
            return VerdictDocument.FromStored(stored);
        }

        if (cache.TryGetValue(stored.Sequence, out CachedVerdict? hit) && hit!.IsFrom(stored))
        {
            return encoded ? hit.StandIn : hit.Parse();
        }

        var verdict = VerdictDocument.FromStored(stored);
        var entry = CachedVerdict.Of(verdict, stored);
        cache.Set(stored.Sequence, entry, new MemoryCacheEntryOptions { Size = entry.Bytes });
        return encoded ? entry.StandIn : verdict;
    }

    /// <summary>
    /// The verdict a key (run id, verdict id or sample id, by <paramref name="kind"/>) was found to name
    /// when the store's change stamp was <paramref name="stamp"/>, if that was checked at this very stamp
    /// and the verdict is still cached: nothing has been committed to the store since, so the record is
    /// still what was read and checked then.
    /// </summary>
    public Verdict? Current(GetVerdictRequest.KeyOneofCase kind, string key, long stamp, bool encoded) =>
        cache is not null && cache.TryGetValue(new Lookup(kind, key), out KeyedTo? found) && found!.Stamp == stamp
            && cache.TryGetValue(found.Sequence, out CachedVerdict? hit) ? encoded ? hit!.StandIn : hit!.Parse() : null;

    /// <summary>Remembers that <paramref name="key"/> named the verdict at <paramref name="sequence"/> when the stamp, taken before the read, was <paramref name="stamp"/>.</summary>
    public void Found(GetVerdictRequest.KeyOneofCase kind, string key, long sequence, long stamp) =>
        cache?.Set(new Lookup(kind, key), new KeyedTo(sequence, stamp), new MemoryCacheEntryOptions { Size = LookupBytes + (2L * key.Length) });

    public void Dispose() => cache?.Dispose();

    /// <summary>What a lookup entry is counted at besides its key's characters.</summary>
    private const int LookupBytes = 96;

    private readonly record struct Lookup(GetVerdictRequest.KeyOneofCase Kind, string Key);

    private sealed record KeyedTo(long Sequence, long Stamp);
}
