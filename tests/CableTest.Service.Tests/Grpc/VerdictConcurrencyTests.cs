using CableTest.Contracts.V1;
using Grpc.Core;

namespace CableTest.Service.Tests.Grpc;

/// <summary>
/// The shape of bench/grpc/run.sh's ListVerdicts phase, bounded: 64 callers on ONE HTTP/2 connection
/// reading pages of 60 verdicts with full evidence (about 150 KB: several 64 KiB stream windows, as the
/// benchmark's pages of 50 are; pages of 25 fitted in one window and never needed the client's credit)
/// and single verdicts at once. Every call has a deadline, so a call that never completes (the hang one
/// benchmark run showed) fails this test as DEADLINE_EXCEEDED instead of hanging it; every answer must be the right one.
/// </summary>
public sealed class VerdictConcurrencyTests : IAsyncLifetime
{
    private const int PageSize = 60;
    private const int Seeded = 7 * PageSize;
    private const int Samples = 7;
    private readonly Metadata lims = InProcessService.ApiKey(InProcessService.LimsKey);
    private InProcessService service = null!;

    public async Task InitializeAsync()
    {
        service = await InProcessService.StartAsync(allowAnonymousLoopback: false);
        await VerdictSeeds.AppendAsync(service.Store, 1, Seeded, Samples);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task SixtyFourCallers_OneConnection_ListAndGet_EveryCallAnswersInTime()
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        var deadline = TimeSpan.FromSeconds(60);
        var callers = Enumerable.Range(0, 64).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                var sample = (w + i) % Samples;
                var page = await client.ListVerdictsAsync(
                    new ListVerdictsRequest { PageSize = PageSize, SampleId = $"S-{sample}" }, lims, TimeProvider.System.GetUtcNow().UtcDateTime + deadline);
                Assert.Equal(PageSize, page.Verdicts.Count);
                Assert.True(page.CalculateSize() > 2 * 65_535, "a page spans several stream windows");
                Assert.All(page.Verdicts, v => Assert.Equal($"S-{sample}", v.SampleId));
                var n = 1 + ((w * 31 + i) % Seeded);
                var one = await client.GetVerdictAsync(new GetVerdictRequest { RunId = $"R-{n:D5}" }, lims, TimeProvider.System.GetUtcNow().UtcDateTime + deadline);
                Assert.Equal((ulong)n, one.Sequence);
            }
        })).ToArray();

        await Task.WhenAll(callers);
    }
}
