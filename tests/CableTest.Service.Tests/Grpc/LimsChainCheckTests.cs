using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CableTest.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CableTest.Service.Tests.Grpc;

/// <summary>
/// docs/verdicts.md "Checking the chain from the messages": a LIMS checks every verdict it receives with
/// nothing but the messages. This test does exactly what the doc says, step by step, on the real service.
/// </summary>
public sealed class LimsChainCheckTests : IAsyncLifetime
{
    private readonly Metadata lims = InProcessService.ApiKey(InProcessService.LimsKey);
    private InProcessService service = null!;

    public async Task InitializeAsync()
    {
        service = await InProcessService.StartAsync(allowAnonymousLoopback: false);
        for (var n = 1; n <= 6; n++)
        {
            var verdict = VerdictSeeds.Make(n);
            verdict.EvaluatedAt = Timestamp.FromDateTimeOffset(VerdictSeeds.Epoch.AddMinutes(n).AddTicks(1_234_567)); // 100 ns digits
            await service.Store.AppendVerdictAsync(Service.Grpc.Verdicts.VerdictDocument.ToNewVerdict(verdict), default);
        }
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task EveryMessage_ChecksOut_AsTheDocSays()
    {
        var messages = await ReceiveAllAsync();
        Assert.Equal(6, messages.Count);

        var previousChain = ""; // step 3: "" before sequence 1
        ulong expectedSequence = 1;
        foreach (var m in messages)
        {
            Assert.Equal(expectedSequence++, m.Sequence);                                  // step 3: no gaps
            Assert.Equal(Sha256Hex(m.EvidenceJson), m.ContentSha256);                      // step 1
            var document = JsonParser.Default.Parse<Verdict>(m.EvidenceJson);              // step 2
            var fields = m.Clone();
            fields.Sequence = 0;
            fields.ContentSha256 = "";
            fields.PreviousSha256 = "";
            fields.ChainSha256 = "";
            fields.EvidenceJson = "";
            Assert.Equal(document, fields);
            Assert.Equal(previousChain, m.PreviousSha256);                                 // step 3: link
            Assert.Equal(Sha256Hex(string.Create(CultureInfo.InvariantCulture,             // step 4
                $"{m.PreviousSha256}\n{m.Sequence}\n{m.VerdictId}\n{m.ContentSha256}")), m.ChainSha256);
            previousChain = m.ChainSha256;                                                 // step 5
        }

        Assert.Equal(123_456_700, messages[0].EvaluatedAt.Nanos % 1_000_000_000);
    }

    [Fact]
    public async Task AnAlteredMessage_FailsTheCheck()
    {
        var m = (await ReceiveAllAsync())[2];
        var altered = m.Clone();
        altered.Outcome = altered.Outcome == Outcome.Pass ? Outcome.Fail : Outcome.Pass;
        var fields = altered.Clone();
        fields.Sequence = 0;
        fields.ContentSha256 = "";
        fields.PreviousSha256 = "";
        fields.ChainSha256 = "";
        fields.EvidenceJson = "";
        Assert.NotEqual(JsonParser.Default.Parse<Verdict>(altered.EvidenceJson), fields);
    }

    private async Task<List<Verdict>> ReceiveAllAsync()
    {
        var client = new VerdictService.VerdictServiceClient(service.Channel);
        using var call = client.StreamVerdicts(new StreamVerdictsRequest { Subscriber = "lims-check", AfterSequence = 0, BacklogOnly = true }, lims);
        var messages = new List<Verdict>();
        while (await call.ResponseStream.MoveNext(default))
        {
            messages.Add(call.ResponseStream.Current);
        }

        return messages;
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
