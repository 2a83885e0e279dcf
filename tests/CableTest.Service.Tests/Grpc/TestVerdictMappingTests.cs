using CableTest.Contracts.V1;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Service.Grpc;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Storage.Runs;
using Google.Protobuf.WellKnownTypes;

namespace CableTest.Service.Tests.Grpc;

/// <summary>Issue 12 item 3: the evidence numbers reach the message and the hashed document, field for field.</summary>
public sealed class TestVerdictMappingTests
{
    private static readonly VerdictEngine Engine = VerdictEngine.Default;

    [Fact]
    public void ToProto_BreakdownAt142s_BreakdownTimeVoltageAndWindowAreFields()
    {
        var domain = Engine.EvaluateVoltageWithstand(new("300/500 V", VoltageKind.AC, 2.0m, 142m, true) { FrequencyHz = 50m });

        var e = domain.ToProto().VoltageWithstand;

        Assert.Equal((142d, 2.0d), (e.FailureTimeS, e.FailureVoltageKv));
        Assert.Equal((1.94d, 2.06d), (e.LowerKv, e.UpperKv));
        Assert.False(e.HasDcAlternativeKv);
    }

    [Fact]
    public void ToProto_06_1kV_DcAlternativeAndInterruption()
    {
        var domain = Engine.EvaluateVoltageWithstand(new("0.6/1 kV", VoltageKind.AC, 3.49m, 90m, false) { FrequencyHz = 50m, Interrupted = true });

        var e = domain.ToProto().VoltageWithstand;

        Assert.Equal(8.4d, e.DcAlternativeKv);
        Assert.True(e.Interrupted);
        Assert.Equal(90d, e.HeldS);
        Assert.False(e.HasFailureTimeS);
    }

    [Fact]
    public void VerdictDocument_WithstandEvidence_HashedAndServedFieldForField()
    {
        var test = Engine.EvaluateVoltageWithstand(new("0.6/1 kV", VoltageKind.AC, 3.5m, 152m, true) { FrequencyHz = 50m, BreakdownTimeS = 162.5m, BreakdownKv = 3.51m }).ToProto();
        test.ReadingIds.Add("R-1/vw/0");
        var verdict = new Verdict { VerdictId = "V-1", RunId = "R-1", SampleId = "S-1", Outcome = Contracts.V1.Outcome.Fail, EvaluatedAt = Timestamp.FromDateTimeOffset(VerdictSeeds.Epoch) };
        verdict.Tests.Add(test);
        var written = VerdictDocument.ToNewVerdict(verdict);
        Assert.Contains("\"dcAlternativeKv\":8.4", written.EvidenceJson, StringComparison.Ordinal);
        Assert.Contains("\"failureTimeS\":162.5", written.EvidenceJson, StringComparison.Ordinal);
        Assert.Contains("\"lowerKv\":3.395", written.EvidenceJson, StringComparison.Ordinal);

        var served = VerdictDocument.FromStored(new StoredVerdict(1, written.VerdictId, written.RunId, written.SampleId, written.LimsOrder, written.Outcome,
            written.Standards, written.EvaluatedAt, written.EvidenceJson, VerdictHashing.ContentHash(written.EvidenceJson), "", ""));

        Assert.Equal(test, served.Tests.Single());
        Assert.Equal(written.EvidenceJson, VerdictDocument.ToEvidenceJson(served));
    }
}
