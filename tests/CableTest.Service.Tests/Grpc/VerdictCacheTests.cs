using System.Buffers;
using System.Security.Cryptography;
using CableTest.Contracts.V1;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Hosting;
using CableTest.Storage.Runs;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Tests.Grpc;

/// <summary>
/// The verdict cache keeps each verdict as its encoding and the header its checks compare: a hit serves exactly
/// what mapping the record again gives (as a message, or as the very bytes on the wire), an edited record is never
/// served from it, and it is bounded by what its entries really take.
/// </summary>
public sealed class VerdictCacheTests
{
    [Fact]
    public void Map_SameRecordTwice_SameStandIn_ChangedContent_Reparsed()
    {
        using var cache = new VerdictCache(Options.Create(new GrpcOptions()));
        var stored = Store(VerdictSeeds.Make(1), sequence: 1);
        var first = cache.Map(stored, encoded: true);
        Assert.Same(first, cache.Map(stored, encoded: true));

        var other = VerdictSeeds.Make(1);
        other.OperatorName = "Zhang San";
        var altered = stored with { EvidenceJson = VerdictDocument.ToEvidenceJson(other), ContentSha256 = "other" };
        var second = cache.Map(altered, encoded: false);
        Assert.Equal("other", second.ContentSha256);
        Assert.Equal("Zhang San", second.OperatorName);
        Assert.NotSame(first, cache.Map(altered, encoded: true));
        Assert.Equal("Zhang San", cache.Map(altered, encoded: false).OperatorName);
    }

    [Fact]
    public void Map_Hit_MessageEqualsTheRecordMappedAgain_StandInWritesTheSameBytes()
    {
        using var cache = new VerdictCache(Options.Create(new GrpcOptions()));
        var stored = Store(VerdictSeeds.Make(5), sequence: 5);
        cache.Map(stored, encoded: true);
        var expected = VerdictDocument.FromStored(stored);

        var message = cache.Map(stored, encoded: false);
        var standIn = cache.Map(stored, encoded: true);

        // Field by field (generated Equals), then the bytes the binary marshaller writes for the stand-in.
        Assert.Equal(expected, message);
        Assert.Equal(expected.Tests, message.Tests);
        Assert.Equal(expected.EvidenceJson, message.EvidenceJson);
        Assert.NotSame(message, cache.Map(stored, encoded: false));
        Assert.Equal(expected.ToByteArray(), Written(standIn));
        Assert.Equal(expected, Verdict.Parser.ParseFrom(Written(standIn)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Map_IndexColumnEditedAfterCaching_RefusedNotServed(bool encoded)
    {
        using var cache = new VerdictCache(Options.Create(new GrpcOptions()));
        var stored = Store(VerdictSeeds.Make(2), sequence: 2);
        cache.Map(stored, encoded);

        var refused = Assert.Throws<VerdictIntegrityException>(() => cache.Map(stored with { Outcome = "fail" }, encoded));
        Assert.Equal(2, refused.Sequence);
        Assert.Contains("outcome", refused.Detail, StringComparison.Ordinal);
        Assert.Throws<VerdictIntegrityException>(() => cache.Map(stored with { LimsOrder = "LO-9" }, encoded));
    }

    [Fact]
    public void Map_FourMegabytes_HoldsAnEighthOfTheBenchmarksTenThousand()
    {
        // The default 32 MiB must hold the gRPC benchmark's 10,000 one-test verdicts: 4 MiB an eighth of them.
        using var cache = new VerdictCache(Options.Create(new GrpcOptions { VerdictCacheMegabytes = 4 }));
        var stored = Enumerable.Range(1, 1_250).Select(n => Store(VerdictSeeds.Make(n), sequence: n, chained: true)).ToList();
        foreach (var s in stored)
        {
            cache.Map(s, encoded: true);
        }

        Assert.True(cache.CountedBytes <= 4 << 20, $"{cache.CountedBytes} bytes counted");
        var evicted = stored.Count(s => !cache.Holds(s.Sequence));
        Assert.True(evicted == 0, $"{evicted} of {stored.Count} evicted ({cache.CountedBytes} bytes counted)");
    }

    [Fact]
    public async Task Map_ManyVerdicts_CacheStaysWithinItsMegabytes_OldestGo()
    {
        using var cache = new VerdictCache(Options.Create(new GrpcOptions { VerdictCacheMegabytes = 1 }));
        var stored = Enumerable.Range(1, 2000).Select(n => Store(VerdictSeeds.Make(n), sequence: n)).ToList();
        var first = cache.Map(stored[0], encoded: true);
        var perEntry = CachedVerdict.Of(VerdictDocument.FromStored(stored[0]), stored[0]).Bytes;
        foreach (var s in stored.Skip(1))
        {
            cache.Map(s, encoded: true);
            Assert.True(cache.CountedBytes <= 1 << 20, $"{cache.CountedBytes} bytes counted after sequence {s.Sequence}");
        }

        // 2,000 entries of this size are several MiB: compaction (in the background, least recently used first) must let
        // the first go. Watched without reading it, which would make it the most recently used.
        Assert.True(2000L * perEntry > 2 << 20, $"entries too small ({perEntry} B) to need eviction");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (cache.Holds(stored[0].Sequence) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        Assert.False(cache.Holds(stored[0].Sequence), "the least recently used verdict is still cached");
        Assert.NotSame(first, cache.Map(stored[0], encoded: true));
    }

    [Fact]
    public void Current_ByKey_OnlyAtTheStampItWasFoundAt_AndOnlyWhenCached()
    {
        using var cache = new VerdictCache(Options.Create(new GrpcOptions()));
        var stored = Store(VerdictSeeds.Make(3), sequence: 3);
        var mapped = cache.Map(stored, encoded: true);
        cache.Found(GetVerdictRequest.KeyOneofCase.VerdictId, stored.VerdictId, stored.Sequence, stamp: 41);

        Assert.Same(mapped, cache.Current(GetVerdictRequest.KeyOneofCase.VerdictId, stored.VerdictId, 41, encoded: true));
        Assert.Equal(VerdictDocument.FromStored(stored), cache.Current(GetVerdictRequest.KeyOneofCase.VerdictId, stored.VerdictId, 41, encoded: false));
        Assert.Null(cache.Current(GetVerdictRequest.KeyOneofCase.VerdictId, stored.VerdictId, 42, encoded: true)); // committed since
        Assert.Null(cache.Current(GetVerdictRequest.KeyOneofCase.RunId, stored.VerdictId, 41, encoded: true)); // another kind of key

        // Found for a verdict the cache does not hold (here: the cache is off) remembers nothing.
        using var off = new VerdictCache(Options.Create(new GrpcOptions { VerdictCacheMegabytes = 0 }));
        off.Map(stored, encoded: true);
        off.Found(GetVerdictRequest.KeyOneofCase.VerdictId, stored.VerdictId, stored.Sequence, stamp: 41);
        Assert.Null(off.Current(GetVerdictRequest.KeyOneofCase.VerdictId, stored.VerdictId, 41, encoded: true));
    }

    [Fact]
    public void Found_KeysGoWithTheirVerdict_AKeyNamingALaterVerdictStays()
    {
        using var cache = new VerdictCache(Options.Create(new GrpcOptions { VerdictCacheMegabytes = 1 }));
        var first = Store(VerdictSeeds.Make(1), sequence: 1);
        cache.Map(first, encoded: true);
        cache.Found(GetVerdictRequest.KeyOneofCase.RunId, first.RunId, 1, stamp: 5);
        cache.Found(GetVerdictRequest.KeyOneofCase.SampleId, first.SampleId, 1, stamp: 5);

        // The sample's key now names a later verdict of the same sample (found at a later stamp).
        var later = Store(VerdictSeeds.Make(4), sequence: 2);
        Assert.Equal(first.SampleId, later.SampleId);
        cache.Map(later, encoded: true);
        cache.Found(GetVerdictRequest.KeyOneofCase.SampleId, later.SampleId, 2, stamp: 6);

        // The first verdict's entry goes (here: replaced by its record mapped again, as after an edit): its run key goes
        // with it, the sample key, which names the later verdict, stays.
        var counted = cache.CountedBytes;
        cache.Map(first with { ContentSha256 = "edited" }, encoded: true);
        Assert.Null(cache.Current(GetVerdictRequest.KeyOneofCase.RunId, first.RunId, 5, encoded: true));
        Assert.NotNull(cache.Current(GetVerdictRequest.KeyOneofCase.SampleId, later.SampleId, 6, encoded: true));
        Assert.True(cache.CountedBytes < counted, $"{cache.CountedBytes} bytes counted, {counted} before: the keys' bytes are still counted");

        // Filled past its megabyte, the cache lets the least recently used go, and with them every key that named them.
        foreach (var n in Enumerable.Range(3, 2000))
        {
            var s = Store(VerdictSeeds.Make(n), sequence: n);
            cache.Map(s, encoded: true);
            cache.Found(GetVerdictRequest.KeyOneofCase.VerdictId, s.VerdictId, n, stamp: 6);
            Assert.True(cache.CountedBytes <= 1 << 20, $"{cache.CountedBytes} bytes counted after sequence {n}");
        }

        Assert.False(cache.Holds(2));
        Assert.Null(cache.Current(GetVerdictRequest.KeyOneofCase.SampleId, later.SampleId, 6, encoded: true));
        var kept = Enumerable.Range(3, 2000).Where(n => cache.Holds(n)).ToList();
        Assert.NotEmpty(kept);
        Assert.Equal(2000 - kept.Count, Enumerable.Range(3, 2000).Except(kept).Count(n => cache.Current(GetVerdictRequest.KeyOneofCase.VerdictId, VerdictSeeds.Id(n), 6, encoded: true) is null));
    }

    internal static StoredVerdict Store(Verdict verdict, long sequence, bool chained = false) => Store(VerdictDocument.ToNewVerdict(verdict), sequence, chained);

    internal static StoredVerdict Store(NewVerdict v, long sequence, bool chained) => new(
        sequence, v.VerdictId, v.RunId, v.SampleId, v.LimsOrder, v.Outcome, v.Standards, v.EvaluatedAt, v.EvidenceJson,
        VerdictHashing.ContentHash(v.EvidenceJson), chained ? Hex() : "", chained ? Hex() : "");

    private static string Hex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static byte[] Written(Verdict verdict)
    {
        var context = new Capture();
        VerdictWire.ResponseMarshaller(Marshallers.Create(v => v.ToByteArray(), Verdict.Parser.ParseFrom)).ContextualSerializer(verdict, context);
        return context.Payload;
    }

    private sealed class Capture : SerializationContext
    {
        private readonly ArrayBufferWriter<byte> buffer = new();

        public byte[] Payload { get; private set; } = [];

        public override void Complete(byte[] payload) => Payload = payload;

        public override IBufferWriter<byte> GetBufferWriter() => buffer;

        public override void Complete() => Payload = buffer.WrittenSpan.ToArray();
    }
}
