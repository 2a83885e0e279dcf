using CableTest.Contracts.V1;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Hosting;
using CableTest.Storage.Runs;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CableTest.Service.Tests.Grpc;

/// <summary>
/// The verdict cache's bound is real memory: what its entries are counted at is at least what they take on the heap
/// (and not far above). Measured with the process's heap after full collections, so nothing runs beside it.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class VerdictCacheMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void Map_CountedBytes_AtLeastWhatTheEntriesTake() =>
        // Every record read fresh, as from the store, and mapped: only what the cache keeps of it survives.
        AssertCountedAtLeastRetained("2,000 verdicts", (cache, d, sequence) => cache.Map(VerdictCacheTests.Store(d, sequence, chained: true), encoded: true));

    [Fact]
    public void Found_CountedBytes_AtLeastWhatTheEntriesAndTheirKeysTake() =>
        // Each verdict read by all three of its keys, each key a string of the request's own (a copy), as a gRPC read gives it.
        AssertCountedAtLeastRetained("2,000 verdicts and their 6,000 keys", (cache, d, sequence) =>
        {
            cache.Map(VerdictCacheTests.Store(d, sequence, chained: true), encoded: true);
            cache.Found(GetVerdictRequest.KeyOneofCase.RunId, new string(d.RunId), sequence, stamp: 7);
            cache.Found(GetVerdictRequest.KeyOneofCase.VerdictId, new string(d.VerdictId), sequence, stamp: 7);
            cache.Found(GetVerdictRequest.KeyOneofCase.SampleId, new string(d.SampleId), sequence, stamp: 7);
            Assert.NotNull(cache.Current(GetVerdictRequest.KeyOneofCase.SampleId, d.SampleId, 7, encoded: true));
        });

    /// <summary>Reads 2,000 verdicts into a cache with <paramref name="read"/>; what it counts must be at least what stays on the heap, and not far above.</summary>
    private void AssertCountedAtLeastRetained(string what, Action<VerdictCache, NewVerdict, long> read)
    {
        using var cache = new VerdictCache(Options.Create(new GrpcOptions { VerdictCacheMegabytes = 64 }));
        var documents = Enumerable.Range(1, 2_000).Select(n => VerdictDocument.ToNewVerdict(VerdictSeeds.Make(n))).ToList();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var sequence = 0L;
        foreach (var d in documents)
        {
            read(cache, d, ++sequence);
        }

        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine($"{what}: counted {cache.CountedBytes} bytes, retained {retained} bytes");
        Assert.True(cache.CountedBytes >= retained, $"counted {cache.CountedBytes} bytes, what is kept takes {retained}");
        Assert.True(cache.CountedBytes <= retained * 1.25, $"counted {cache.CountedBytes} bytes, what is kept takes only {retained}");
        GC.KeepAlive(documents);
    }
}
