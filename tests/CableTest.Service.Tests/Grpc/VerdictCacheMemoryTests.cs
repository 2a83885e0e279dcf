using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Hosting;
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
    public void Map_CountedBytes_AtLeastWhatTheEntriesTake()
    {
        using var cache = new VerdictCache(Options.Create(new GrpcOptions { VerdictCacheMegabytes = 64 }));
        var documents = Enumerable.Range(1, 2_000).Select(n => VerdictDocument.ToNewVerdict(VerdictSeeds.Make(n))).ToList();

        // Every record read fresh, as from the store, and mapped: only what the cache keeps of it survives.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var sequence = 0L;
        foreach (var d in documents)
        {
            cache.Map(VerdictCacheTests.Store(d, ++sequence, chained: true), encoded: true);
        }

        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine($"2,000 verdicts: counted {cache.CountedBytes} bytes, retained {retained} bytes");
        Assert.True(cache.CountedBytes >= retained, $"counted {cache.CountedBytes} bytes, the entries take {retained}");
        Assert.True(cache.CountedBytes <= retained * 1.25, $"counted {cache.CountedBytes} bytes, the entries take only {retained}");
        GC.KeepAlive(documents);
    }
}
