using System.Collections.Concurrent;
using CableTest.Contracts.V1;
using CableTest.Service.Hosting;
using CableTest.Storage.Runs;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Grpc.Verdicts;

/// <summary>
/// Stored verdicts kept by sequence, as their protobuf encoding and the header the integrity checks need
/// (<see cref="CachedVerdict"/>): a verdict never changes once appended, and parsing its evidence JSON is most
/// of what a read costs (about 70 µs for three tests). A cached entry is used only while the stored hashes and
/// index columns are still those it was mapped and checked from (else the record is mapped again, and refused if
/// its columns disagree with its evidence). A binary gRPC response writes the encoding as it is
/// (see <see cref="VerdictReplies"/>); anything else gets a message parsed from
/// it, its own to keep. Beside each entry, the keys (run id, verdict id, sample id) found to name it and the store's
/// change stamp at the time: a read by key at that same stamp takes the entry in one lookup.
/// Bounded by memory (<see cref="GrpcOptions.VerdictCacheMegabytes"/>): an entry counts as what it takes
/// (<see cref="CachedVerdict.Bytes"/>, plus <see cref="KeyBytes"/> for each key remembered for it); when an entry
/// would take the count past the bound, the least recently used go until a quarter of it is free, and with them
/// the keys that named them.
/// </summary>
internal sealed class VerdictCache : IDisposable
{
    /// <summary>What a remembered key takes besides its characters: its string's header, its slot in the key table, the stamp record, the entry's list slot (measured: VerdictCacheMemoryTests).</summary>
    internal const int KeyBytes = 160;

    private readonly long limit;
    private readonly ConcurrentDictionary<long, Entry> bySequence = new();
    private readonly ConcurrentDictionary<Lookup, KeyedTo> byKey = new();
    private readonly Lock adding = new();
    private long counted;
    private long clock;

    public VerdictCache(IOptions<GrpcOptions> options) => limit = options.Value.VerdictCacheMegabytes * (1L << 20);

    /// <summary>Whether the verdict at <paramref name="sequence"/> is cached, without touching it (for tests).</summary>
    internal bool Holds(long sequence) => bySequence.ContainsKey(sequence);

    /// <summary>What the entries and their keys are counted at now, in bytes (for tests and the docs' figure).</summary>
    internal long CountedBytes => Volatile.Read(ref counted);

    /// <summary>
    /// The verdict <paramref name="stored"/> holds: from the cache while its hashes and index columns match, else
    /// mapped from its evidence (<see cref="VerdictDocument.FromStored"/>, which throws on an index mismatch) and
    /// cached. <paramref name="encoded"/>: the caller's response is written by <see cref="VerdictWire"/>, so a
    /// cached verdict's stand-in will do (see <see cref="VerdictReplies"/>).
    /// </summary>
    public Verdict Map(StoredVerdict stored, bool encoded)
    {
        if (limit == 0)
        {
            return VerdictDocument.FromStored(stored);
        }

        if (bySequence.TryGetValue(stored.Sequence, out var hit) && hit.Verdict.IsFrom(stored))
        {
            return Serve(hit, encoded);
        }

        var verdict = VerdictDocument.FromStored(stored);
        var entry = new Entry(CachedVerdict.Of(verdict, stored)) { LastUsed = Interlocked.Increment(ref clock) };
        Add(stored.Sequence, entry);
        return encoded ? entry.Verdict.StandIn : verdict;
    }

    /// <summary>
    /// The verdict a key (run id, verdict id or sample id, by <paramref name="kind"/>) was found to name
    /// when the store's change stamp was <paramref name="stamp"/>, if that was checked at this very stamp
    /// and the verdict is still cached: nothing has been committed to the store since, so the record is
    /// still what was read and checked then.
    /// </summary>
    public Verdict? Current(GetVerdictRequest.KeyOneofCase kind, string key, long stamp, bool encoded) =>
        byKey.TryGetValue(new Lookup(kind, key), out var found) && found.Stamp == stamp ? Serve(found.Entry, encoded) : null;

    /// <summary>
    /// Remembers that <paramref name="key"/> named the verdict at <paramref name="sequence"/> when the stamp, taken
    /// before the read, was <paramref name="stamp"/>; nothing if that verdict is not cached.
    /// </summary>
    public void Found(GetVerdictRequest.KeyOneofCase kind, string key, long sequence, long stamp)
    {
        if (!bySequence.TryGetValue(sequence, out var entry))
        {
            return;
        }

        var lookup = new Lookup(kind, key);
        var bytes = KeyBytes + (2L * key.Length);
        lock (entry.Keys)
        {
            // Under the entry's lock, as its eviction: a key is either seen and removed by it, or not added at all.
            if (entry.Evicted)
            {
                return;
            }

            if (!entry.Keys.Contains(lookup))
            {
                entry.Keys.Add(lookup);
                entry.Bytes += bytes;
                Interlocked.Add(ref counted, bytes);
            }

            byKey[lookup] = new KeyedTo(entry, stamp);
        }

        if (Volatile.Read(ref counted) > limit)
        {
            lock (adding)
            {
                Compact(0);
            }
        }
    }

    public void Dispose()
    {
        byKey.Clear();
        bySequence.Clear();
    }

    private Verdict Serve(Entry entry, bool encoded)
    {
        // The clock moves once per entry added, not per read: a hit only reads it (no write shared by every caller),
        // and writes the entry only the first time it is served since the last entry came in.
        var now = Volatile.Read(ref clock);
        if (entry.LastUsed != now)
        {
            entry.LastUsed = now;
        }

        return encoded ? entry.Verdict.StandIn : entry.Verdict.Parse();
    }

    /// <summary>Adds an entry (in place of any older one at its sequence), first making room for it by the bound.</summary>
    private void Add(long sequence, Entry entry)
    {
        lock (adding)
        {
            if (bySequence.TryGetValue(sequence, out var replaced))
            {
                Evict(sequence, replaced);
            }

            Compact(entry.Bytes);
            if (entry.Bytes > limit)
            {
                return; // larger than the whole cache: served, not kept
            }

            bySequence[sequence] = entry;
            Interlocked.Add(ref counted, entry.Bytes);
        }
    }

    /// <summary>If <paramref name="incoming"/> more bytes would pass the bound, evicts the least recently used until a quarter of it is free. Under <see cref="adding"/>.</summary>
    private void Compact(long incoming)
    {
        if (Volatile.Read(ref counted) + incoming <= limit)
        {
            return;
        }

        var target = (limit * 3 / 4) - incoming;
        foreach (var (sequence, entry) in bySequence.ToArray().OrderBy(e => e.Value.LastUsed))
        {
            if (Volatile.Read(ref counted) <= target)
            {
                break;
            }

            Evict(sequence, entry);
        }
    }

    private void Evict(long sequence, Entry entry)
    {
        if (!bySequence.TryRemove(new KeyValuePair<long, Entry>(sequence, entry)))
        {
            return;
        }

        lock (entry.Keys)
        {
            entry.Evicted = true;
            foreach (var key in entry.Keys)
            {
                // Only where the key still names this entry: a sample's key may name a later verdict by now.
                if (byKey.TryGetValue(key, out var keyed) && keyed.Entry == entry)
                {
                    byKey.TryRemove(new KeyValuePair<Lookup, KeyedTo>(key, keyed));
                }
            }

            Interlocked.Add(ref counted, -entry.Bytes);
        }
    }

    private readonly record struct Lookup(GetVerdictRequest.KeyOneofCase Kind, string Key);

    /// <summary>
    /// A cached verdict, when it was last served (a tick of the cache's own clock, which counts the entries added: entries
    /// served between two additions are equally recent), the keys remembered for it.
    /// </summary>
    private sealed class Entry(CachedVerdict verdict)
    {
        public CachedVerdict Verdict { get; } = verdict;

        public List<Lookup> Keys { get; } = new(3);

        public long Bytes { get; set; } = verdict.Bytes;

        public long LastUsed { get; set; }

        public bool Evicted { get; set; }
    }

    /// <summary>A key's entry and the change stamp it was found at; compared by reference when removed.</summary>
    private sealed class KeyedTo(Entry entry, long stamp)
    {
        public Entry Entry { get; } = entry;

        public long Stamp { get; } = stamp;
    }
}
