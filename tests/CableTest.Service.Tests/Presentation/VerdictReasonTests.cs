using CableTest.Contracts.V1;
using CableTest.Presentation;
using CableTest.Service.Reports;

namespace CableTest.Service.Tests.Presentation;

/// <summary>The reason of a test that did not pass, made from its evidence, in English and in Chinese; the service's own reasons as given.</summary>
public sealed class VerdictReasonTests
{
    public static TheoryData<TestVerdict, string, string> Reasons() => new()
    {
        {
            new TestVerdict { Outcome = Outcome.Fail, ConductorResistance = new() { R20OhmPerKm = 8.12, LimitOhmPerKm = 7.41 } },
            "R20 8.12 Ω/km is above the maximum 7.41 Ω/km by 9.6 %", "R20 8.12 Ω/km 超过最大值 7.41 Ω/km，超出 9.6 %"
        },
        {
            new TestVerdict { Outcome = Outcome.ConditionalPass, ConductorResistance = new() { R20OhmPerKm = 7.40, LimitOhmPerKm = 7.41, AcceptanceLimitOhmPerKm = 7.35 } },
            "R20 7.4 Ω/km is within the measurement uncertainty of the maximum 7.41 Ω/km (acceptance limit 7.35 Ω/km)",
            "R20 7.4 Ω/km 处于最大值 7.41 Ω/km 的测量不确定度范围内（接受限 7.35 Ω/km）"
        },
        {
            new TestVerdict { Outcome = Outcome.Fail, InsulationResistance = new() { Criterion = "R_L", RLMohmKm = 0.0071, Minimum = 0.01, MinimumUnit = "MOhm.km" } },
            "R_L 0.0071 MΩ·km is below the minimum 0.01 MΩ·km", "R_L 0.0071 MΩ·km 低于最小值 0.01 MΩ·km"
        },
        {
            new TestVerdict { Outcome = Outcome.Fail, VoltageWithstand = new() { Breakdown = true, FailureVoltageKv = 2.0, FailureTimeS = 142, BreakdownLocation = "core 2" } },
            "breakdown at 2 kV after 142 s (core 2)", "在 2 kV、142 s 时击穿（core 2）"
        },
        {
            new TestVerdict { Outcome = Outcome.Fail, VoltageWithstand = new() { LeakageLimitMa = 10, MaxLeakageMa = 12.5 } },
            "leakage 12.5 mA above the tester's limit 10 mA", "泄漏电流 12.5 mA 超过耐压仪限值 10 mA"
        },
        {
            new TestVerdict { Outcome = Outcome.Fail, VoltageWithstand = new() { RequiredS = 300, HeldS = 90 } },
            "held 90 s of the required 300 s", "仅保持 90 s，要求 300 s"
        },
        {
            new TestVerdict { Outcome = Outcome.Fail, VoltageWithstand = new() { RequiredKv = 2.5, VoltageTolerancePct = 3, AppliedKv = 2.0 } },
            "applied 2 kV, below the required 2.5 kV", "施加 2 kV，低于要求的 2.5 kV"
        },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void MadeFromTheEvidence_EnglishAndChinese(TestVerdict test, string english, string chinese)
    {
        Assert.Equal(english, VerdictReason.For(test));
        Assert.Equal(chinese, VerdictReason.ChineseFor(test));
        Assert.StartsWith(ReportContent.Sentence(english) + " ", ReportContent.ReasonSentences(test), StringComparison.Ordinal);
        Assert.EndsWith(chinese + "。", ReportContent.ReasonSentences(test), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceReason_SameInBothAndOnceInTheReport_PassHasNone()
    {
        var invalid = new TestVerdict { Outcome = Outcome.Invalid, Reason = "sample length 0 m is not a positive length" };
        Assert.Equal(invalid.Reason, VerdictReason.ChineseFor(invalid));
        Assert.Equal("Sample length 0 m is not a positive length.", ReportContent.ReasonSentences(invalid));
        Assert.Equal("", VerdictReason.ChineseFor(new TestVerdict { Outcome = Outcome.Pass, ConductorResistance = new() { R20OhmPerKm = 7, LimitOhmPerKm = 7.41 } }));
    }
}
