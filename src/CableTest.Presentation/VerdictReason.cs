using CableTest.Contracts.V1;
using static System.FormattableString;

namespace CableTest.Presentation;

/// <summary>
/// Why a test did not pass, in words: the service's reason when it gives one (invalid, inconclusive,
/// error, retest), otherwise one made from the evidence for a fail or a conditional outcome
/// ("R20 8.12 Ω/km is above the maximum 7.41 Ω/km by 9.6 %"; in Chinese for the dashboard's 中文 view and the
/// bilingual reports). Empty for a plain pass. The service's own reasons are English in both languages.
/// </summary>
public static class VerdictReason
{
    public static string For(TestVerdict test) => For(test, chinese: false);

    /// <summary>The reason in Chinese where it is made from the evidence (the service's own reasons stay as given).</summary>
    public static string ChineseFor(TestVerdict test) => For(test, chinese: true);

    private static string For(TestVerdict test, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (!string.IsNullOrWhiteSpace(test.Reason))
        {
            return UnitText.Normalize(test.Reason.Trim());
        }

        if (test.Outcome is Outcome.Pass or Outcome.Unspecified)
        {
            return "";
        }

        var why = test.EvidenceCase switch
        {
            TestVerdict.EvidenceOneofCase.ConductorResistance => Conductor(test.ConductorResistance, test.Outcome, chinese),
            TestVerdict.EvidenceOneofCase.InsulationResistance => Insulation(test.InsulationResistance, test.Outcome, chinese),
            TestVerdict.EvidenceOneofCase.VoltageWithstand => Withstand(test.VoltageWithstand, chinese),
            _ => "",
        };
        return why.Length > 0 ? why : test.ReasonCode.Replace('_', ' ');
    }

    private static string Conductor(ConductorResistanceEvidence e, Outcome outcome, bool chinese)
    {
        var r20 = EngineeringNumber.Format(e.R20OhmPerKm);
        var limit = EngineeringNumber.Format(e.LimitOhmPerKm);
        if (e.R20OhmPerKm > e.LimitOhmPerKm && e.LimitOhmPerKm > 0)
        {
            var over = (e.R20OhmPerKm / e.LimitOhmPerKm - 1) * 100;
            return chinese
                ? Invariant($"R20 {r20} Ω/km 超过最大值 {limit} Ω/km，超出 {over:0.0} %")
                : Invariant($"R20 {r20} Ω/km is above the maximum {limit} Ω/km by {over:0.0} %");
        }

        var acceptance = EngineeringNumber.Format(e.AcceptanceLimitOhmPerKm);
        return outcome is not (Outcome.ConditionalPass or Outcome.ConditionalFail) ? ""
            : chinese ? Invariant($"R20 {r20} Ω/km 处于最大值 {limit} Ω/km 的测量不确定度范围内（接受限 {acceptance} Ω/km）")
            : Invariant($"R20 {r20} Ω/km is within the measurement uncertainty of the maximum {limit} Ω/km (acceptance limit {acceptance} Ω/km)");
    }

    private static string Insulation(InsulationResistanceEvidence e, Outcome outcome, bool chinese)
    {
        var (value, _) = TestValues.InsulationValue(e);
        var unit = UnitText.Normalize(e.MinimumUnit);
        var (v, minimum) = (EngineeringNumber.Format(value), EngineeringNumber.Format(e.Minimum));
        if (double.IsFinite(value) && value < e.Minimum)
        {
            return chinese
                ? Invariant($"{e.Criterion} {v} {unit} 低于最小值 {minimum} {unit}")
                : Invariant($"{e.Criterion} {v} {unit} is below the minimum {minimum} {unit}");
        }

        return outcome is not (Outcome.ConditionalPass or Outcome.ConditionalFail) || !double.IsFinite(value) ? ""
            : chinese ? Invariant($"{e.Criterion} {v} {unit} 处于最小值 {minimum} {unit} 的测量不确定度范围内")
            : Invariant($"{e.Criterion} {v} {unit} is within the measurement uncertainty of the minimum {minimum} {unit}");
    }

    private static string Withstand(VoltageWithstandEvidence e, bool chinese)
    {
        if (e.Breakdown)
        {
            var kv = EngineeringNumber.Format(e.HasFailureVoltageKv ? e.FailureVoltageKv : e.AppliedKv);
            var s = EngineeringNumber.Format(e.HasFailureTimeS ? e.FailureTimeS : e.HeldS);
            var where = e.BreakdownLocation.Length > 0 ? (chinese ? "（" + e.BreakdownLocation + "）" : " (" + e.BreakdownLocation + ")") : "";
            return chinese ? Invariant($"在 {kv} kV、{s} s 时击穿{where}") : Invariant($"breakdown at {kv} kV after {s} s{where}");
        }

        if (e.LeakageLimitMa > 0 && e.MaxLeakageMa > e.LeakageLimitMa)
        {
            var (ma, limit) = (EngineeringNumber.Format(e.MaxLeakageMa), EngineeringNumber.Format(e.LeakageLimitMa));
            return chinese ? Invariant($"泄漏电流 {ma} mA 超过耐压仪限值 {limit} mA") : Invariant($"leakage {ma} mA above the tester's limit {limit} mA");
        }

        if (e.RequiredS > 0 && e.HeldS < e.RequiredS)
        {
            var (held, required) = (EngineeringNumber.Format(e.HeldS), EngineeringNumber.Format(e.RequiredS));
            return chinese ? Invariant($"仅保持 {held} s，要求 {required} s") : Invariant($"held {held} s of the required {required} s");
        }

        if (e.RequiredKv > 0 && e.AppliedKv < e.RequiredKv * (1 - e.VoltageTolerancePct / 100))
        {
            var (applied, required) = (EngineeringNumber.Format(e.AppliedKv), EngineeringNumber.Format(e.RequiredKv));
            return chinese ? Invariant($"施加 {applied} kV，低于要求的 {required} kV") : Invariant($"applied {applied} kV, below the required {required} kV");
        }

        return "";
    }
}
