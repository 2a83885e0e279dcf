using CableTest.Contracts.V1;
using CableTest.Service.Grpc.Verdicts;
using Google.Rpc;
using Grpc.Core;

namespace CableTest.Service.Tests.Grpc;

/// <summary>StreamVerdicts: resume cursors, acknowledgements and the live tail, exactly once and in order.</summary>
public sealed class VerdictStreamTests : IAsyncLifetime
{
    private InProcessService service = null!;
    private VerdictService.VerdictServiceClient client = null!;
    private readonly Metadata lims = InProcessService.ApiKey(InProcessService.LimsKey);

    public async Task InitializeAsync()
    {
        service = await InProcessService.StartAsync(allowAnonymousLoopback: false);
        await VerdictSeeds.AppendAsync(service.Store, 1, 10);
        client = new VerdictService.VerdictServiceClient(service.Channel);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task StreamVerdicts_AfterSequence_BacklogFromThere()
    {
        var got = await ReadAllAsync(new StreamVerdictsRequest { Subscriber = "a", AfterSequence = 3, BacklogOnly = true });
        Assert.Equal(Enumerable.Range(4, 7).Select(i => (ulong)i), got.Select(v => v.Sequence));
        Assert.All(got, v => Assert.NotEmpty(v.ContentSha256));
    }

    [Fact]
    public async Task StreamVerdicts_ResumeFromAcknowledgement_ExactlyOnce()
    {
        var first = new List<Verdict>();
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        using (var call = client.StreamVerdicts(new StreamVerdictsRequest { Subscriber = "lims-resume" }, lims, cancellationToken: cts.Token))
        {
            while (first.Count < 4 && await call.ResponseStream.MoveNext(cts.Token))
            {
                first.Add(call.ResponseStream.Current);
            }

            // The LIMS books what it received, then the connection drops.
            await client.AcknowledgeVerdictsAsync(new AcknowledgeVerdictsRequest { Subscriber = "lims-resume", UpToSequence = first[^1].Sequence }, lims);
            cts.Cancel();
        }

        var rest = await ReadAllAsync(new StreamVerdictsRequest { Subscriber = "lims-resume", BacklogOnly = true });
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (ulong)i), first.Concat(rest).Select(v => v.Sequence));
    }

    [Fact]
    public async Task StreamVerdicts_LiveTail_ConcurrentAppendsArriveOnceInOrder()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var call = client.StreamVerdicts(new StreamVerdictsRequest { Subscriber = "live", AfterSequence = 10 }, lims, cancellationToken: cts.Token);
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await service.Store.AppendVerdictAsync(VerdictDocument.ToNewVerdict(VerdictSeeds.Make(1000 + (w * 100) + i)), cts.Token);
            }
        })).ToList();

        var received = new List<ulong>();
        while (received.Count < 40 && await call.ResponseStream.MoveNext(cts.Token))
        {
            received.Add(call.ResponseStream.Current.Sequence);
        }

        await Task.WhenAll(writers);
        // The poll interval is 5 s in these tests: 40 verdicts within the timeout means the append signal woke the stream.
        Assert.Equal(Enumerable.Range(11, 40).Select(i => (ulong)i), received);
    }

    [Fact]
    public async Task StreamVerdicts_NoSubscriber_InvalidArgument()
    {
        using var call = client.StreamVerdicts(new StreamVerdictsRequest { BacklogOnly = true }, lims);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("subscriber", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations[0].Field);
    }

    [Fact]
    public async Task AcknowledgeVerdicts_BeyondNewest_InvalidArgumentAndNeverBackwards()
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.AcknowledgeVerdictsAsync(new AcknowledgeVerdictsRequest { Subscriber = "ack", UpToSequence = 1_000_000 }, lims));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("up_to_sequence", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations[0].Field);

        Assert.Equal(5UL, (await client.AcknowledgeVerdictsAsync(new AcknowledgeVerdictsRequest { Subscriber = "ack", UpToSequence = 5 }, lims)).AcknowledgedSequence);
        Assert.Equal(5UL, (await client.AcknowledgeVerdictsAsync(new AcknowledgeVerdictsRequest { Subscriber = "ack", UpToSequence = 2 }, lims)).AcknowledgedSequence);
    }

    private async Task<List<Verdict>> ReadAllAsync(StreamVerdictsRequest request)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = client.StreamVerdicts(request, lims, cancellationToken: cts.Token);
        var list = new List<Verdict>();
        while (await call.ResponseStream.MoveNext(cts.Token))
        {
            list.Add(call.ResponseStream.Current);
        }

        return list;
    }
}
