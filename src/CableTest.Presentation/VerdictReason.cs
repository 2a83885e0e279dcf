using CableTest.Contracts.V1;
using static System.FormattableString;

namespace CableTest.Presentation;

/// <summary>
/// Why a test did not pass, in words: the service's reason when it gives one (invalid, inconclusive,
/// error, retest), otherwise one made from the evidence for a fail or a conditional outcome
/// ("R20 8.12 Ω/km is above the maximum 7.41 Ω/km by 9.6 %"). Empty for a plain pass.
/// </summary>
public static class VerdictReason
{
    public static string For(TestVerdict test)
    {
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
            TestVerdict.EvidenceOneofCase.ConductorResistance => Conductor(test.ConductorResistance, test.Outcome),
            TestVerdict.EvidenceOneofCase.InsulationResistance => Insulation(test.InsulationResistance, test.Outcome),
            TestVerdict.EvidenceOneofCase.VoltageWithstand => Withstand(test.VoltageWithstand),
            _ => "",
        };
        return why.Length > 0 ? why : test.ReasonCode.Replace('_', ' ');
    }

    private static string Conductor(ConductorResistanceEvidence e, Outcome outcome)
    {
        var r20 = EngineeringNumber.Format(e.R20OhmPerKm);
        var limit = EngineeringNumber.Format(e.LimitOhmPerKm);
        if (e.R20OhmPerKm > e.LimitOhmPerKm && e.LimitOhmPerKm > 0)
        {
            return Invariant($"R20 {r20} Ω/km is above the maximum {limit} Ω/km by {(e.R20OhmPerKm / e.LimitOhmPerKm - 1) * 100:0.0} %");
        }

        return outcome is Outcome.ConditionalPass or Outcome.ConditionalFail
            ? Invariant($"R20 {r20} Ω/km is within the measurement uncertainty of the maximum {limit} Ω/km (acceptance limit {EngineeringNumber.Format(e.AcceptanceLimitOhmPerKm)} Ω/km)")
            : "";
    }

    private static string Insulation(InsulationResistanceEvidence e, Outcome outcome)
    {
        var (value, _) = TestValues.InsulationValue(e);
        var unit = UnitText.Normalize(e.MinimumUnit);
        if (double.IsFinite(value) && value < e.Minimum)
        {
            return Invariant($"{e.Criterion} {EngineeringNumber.Format(value)} {unit} is below the minimum {EngineeringNumber.Format(e.Minimum)} {unit}");
        }

        return outcome is Outcome.ConditionalPass or Outcome.ConditionalFail && double.IsFinite(value)
            ? Invariant($"{e.Criterion} {EngineeringNumber.Format(value)} {unit} is within the measurement uncertainty of the minimum {EngineeringNumber.Format(e.Minimum)} {unit}")
            : "";
    }

    private static string Withstand(VoltageWithstandEvidence e)
    {
        if (e.Breakdown)
        {
            var kv = e.HasFailureVoltageKv ? e.FailureVoltageKv : e.AppliedKv;
            var s = e.HasFailureTimeS ? e.FailureTimeS : e.HeldS;
            var where = e.BreakdownLocation.Length > 0 ? " (" + e.BreakdownLocation + ")" : "";
            return Invariant($"breakdown at {EngineeringNumber.Format(kv)} kV after {EngineeringNumber.Format(s)} s{where}");
        }

        if (e.LeakageLimitMa > 0 && e.MaxLeakageMa > e.LeakageLimitMa)
        {
            return Invariant($"leakage {EngineeringNumber.Format(e.MaxLeakageMa)} mA above the tester's limit {EngineeringNumber.Format(e.LeakageLimitMa)} mA");
        }

        if (e.RequiredS > 0 && e.HeldS < e.RequiredS)
        {
            return Invariant($"held {EngineeringNumber.Format(e.HeldS)} s of the required {EngineeringNumber.Format(e.RequiredS)} s");
        }

        return e.RequiredKv > 0 && e.AppliedKv < e.RequiredKv * (1 - e.VoltageTolerancePct / 100)
            ? Invariant($"applied {EngineeringNumber.Format(e.AppliedKv)} kV, below the required {EngineeringNumber.Format(e.RequiredKv)} kV")
            : "";
    }
}
