using CableTest.Contracts.V1;
using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;
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
    public void ToProto_BudgetAndRuleFromIt_EveryComponentAndTheSourceOfU()
    {
        var dmm = new InstrumentAccuracy("keithley-dmm6500", "resistance_ohm", "Ω", "1 year", [new AccuracyRow(1m, 0.000001m, 0.0085m, 0.02m, 0m, 0, "V1", ["A1"])]);
        var thermometer = new InstrumentAccuracy("xymd02", "temperature_c", "°C", "typ", [new AccuracyRow(125m, 0.1m, 0m, 0m, 0.3m, 0, "D", ["A1"])]);
        var domain = Engine.EvaluateConductorResistance(
            new Domain.Verdicts.ConductorResistanceInput(new(2, ConductorMaterial.Copper, false, 2.5m), 0.075m, 10m, 23m) { Uncertainty = new(new(dmm, 1m), new(thermometer), LengthTolerance.Tape(2, 10m)) },
            Domain.Verdicts.DecisionRule.FromBudget(DecisionRuleKind.NonBinaryGuardBand));

        var proto = domain.ToProto();

        Assert.Equal((Contracts.V1.Outcome.ConditionalFail, "budget", 0.026, 0.026), (proto.Outcome, proto.DecisionRule.UncertaintySource, proto.DecisionRule.ExpandedUncertainty, proto.DecisionRule.GuardBand));
        Assert.Equal(["r20_ohm_per_km", "measured_resistance_ohm", "conductor_temperature_c"], proto.Uncertainty.Select(b => b.Quantity));
        var r20 = proto.Uncertainty[0];
        Assert.True(r20.Compared);
        Assert.False(r20.Verified);
        Assert.Equal(5, r20.Components.Count);
        Assert.Equal(0.02570677, r20.ExpandedUncertainty, 6);
        Assert.Equal(("t", "(Ω/km)/°C", "D"), (r20.Components[2].Symbol, r20.Components[2].SensitivityUnit, r20.Components[2].Tag));
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
