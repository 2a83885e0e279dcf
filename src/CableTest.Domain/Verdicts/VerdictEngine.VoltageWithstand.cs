using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;

namespace CableTest.Domain.Verdicts;

public sealed partial class VerdictEngine
{
    /// <summary>
    /// Voltage withstand (GB/T 3048.8). The required level and duration come from the cable's rating
    /// in the catalogue (IEC 60227: 2.0 kV / 2.5 kV; IEC 60502-1: 3.5 kV / 6.5 kV AC, 2.4 x AC for DC;
    /// 5 min). Rules, in order:
    /// breakdown at a termination: retest (flashover_at_termination);
    /// breakdown with the voltage above tolerance: invalid (voltage_too_high, over-stressed);
    /// other breakdown: fail (breakdown);
    /// without breakdown: interrupted, AC frequency outside 49-61 Hz, voltage below or above
    /// tolerance, held shorter than required: invalid (retest) with that reason; otherwise pass.
    /// The evidence states the tolerance window (LowerKv, UpperKv), the DC alternative's level, the breakdown time
    /// and voltage and whether the dwell was interrupted as numbers, not only in the reason text.
    /// </summary>
    public TestVerdict EvaluateVoltageWithstand(VoltageWithstandInput input)
    {
        const TestKind kind = TestKind.VoltageWithstand;
        var evidence = new VoltageWithstandEvidence(input.RatedVoltage, input.Kind, null, null, input.AppliedKv, input.FrequencyHz,
            input.HeldS, null, null, null, input.Breakdown, input.BreakdownLocation)
        {
            BreakdownTimeS = input.Breakdown ? input.BreakdownTimeS ?? input.HeldS : null,
            BreakdownKv = input.Breakdown ? input.BreakdownKv ?? input.AppliedKv : null,
            Interrupted = input.Interrupted,
        };
        if (input.AppliedKv < 0m || input.HeldS < 0m || input.FrequencyHz < 0m || input.VoltageTolerancePct is < 0m or > 100m
            || input.BreakdownTimeS < 0m || input.BreakdownKv < 0m)
        {
            return TestVerdict.Problem(kind, Outcome.Error, ReasonCodes.InvalidInput,
                "applied voltage, held time, frequency, tolerance and breakdown time and voltage must not be negative", evidence);
        }

        var lookup = Catalogue.FindVoltageTest(input.RatedVoltage, input.Kind, input.StandardFamily);
        if (!lookup.Found)
        {
            return TestVerdict.Problem(kind, Outcome.Error, lookup.ReasonCode!, lookup.Detail!, evidence);
        }

        var req = lookup.Value!;
        var tolerancePct = input.VoltageTolerancePct ?? req.DefaultTolerancePct;
        var lower = req.RequiredKv * (1m - (tolerancePct / 100m));
        var upper = req.RequiredKv * (1m + (tolerancePct / 100m));
        evidence = evidence with
        {
            RequiredKv = req.RequiredKv,
            RequiredS = req.RequiredS,
            VoltageTolerancePct = tolerancePct,
            LowerKv = lower,
            UpperKv = upper,
            DcAlternativeKv = DcAlternativeKv(input, req),
        };
        var reference = new StandardReference(req.Standard, req.Edition, req.Clause, input.MethodName ?? "GB/T 3048.8-2007",
            req.Provenance.Verified, req.Provenance.Describe() + (req.FrequencyProvenance is null ? "" : "; frequency " + req.FrequencyProvenance.Describe()));
        var budgets = input.Uncertainty is { } inputs ? WithstandBudget.Compute(inputs, input.AppliedKv) : BudgetOutcome.None;
        var warnings = LimitWarnings(req.Provenance, []);
        warnings.AddRange(BudgetWarnings(budgets));
        if (input.RequiredKv is { } askedKv && askedKv != req.RequiredKv)
        {
            warnings.Add(Invariant($"the input's required level {askedKv} kV differs from {req.Standard}'s {req.RequiredKv} kV for {req.Rated} {req.Kind}; the standard's level was applied"));
        }

        if (input.RequiredS is { } askedS && askedS != req.RequiredS)
        {
            warnings.Add(Invariant($"the input's required duration {askedS} s differs from {req.Standard}'s {req.RequiredS} s; the standard's duration was applied"));
        }

        var window = Invariant($"{req.RequiredKv} kV {req.Kind} +/-{tolerancePct} % [{lower:0.####}, {upper:0.####}] kV");
        TestVerdict Verdict(Outcome outcome, string? code, string? reason) => new()
        {
            Kind = kind,
            Outcome = outcome,
            ReasonCode = code,
            Reason = reason,
            Reference = reference,
            Warnings = warnings,
            Evidence = evidence,
            Uncertainty = budgets.Budgets,
        };

        if (input.Breakdown)
        {
            if (input.BreakdownLocation == BreakdownLocation.Termination)
            {
                return Verdict(Outcome.Retest, ReasonCodes.FlashoverAtTermination,
                    "flashover at a termination is not an insulation breakdown: re-make the termination and repeat the test, restarting the timer");
            }

            return input.AppliedKv > upper
                ? Verdict(Outcome.Invalid, ReasonCodes.VoltageTooHigh, Invariant($"breakdown at {input.AppliedKv} kV, above {window}: the sample was over-stressed; the result does not show whether it meets the requirement"))
                : Verdict(Outcome.Fail, ReasonCodes.Breakdown, Invariant($"insulation breakdown at {evidence.BreakdownKv} kV after {evidence.BreakdownTimeS} s (required {window} for {req.RequiredS} s)"));
        }

        if (input.Interrupted)
        {
            return Verdict(Outcome.Invalid, ReasonCodes.Interrupted, Invariant($"the dwell was interrupted after {input.HeldS} s; repeat the test for the full {req.RequiredS} s"));
        }

        if (req.MinFrequencyHz is { } minHz && req.MaxFrequencyHz is { } maxHz)
        {
            if (input.FrequencyHz is not { } hz)
            {
                return Verdict(Outcome.Error, ReasonCodes.InvalidInput, "an AC withstand result needs the test frequency");
            }

            if (hz < minHz || hz > maxHz)
            {
                return Verdict(Outcome.Invalid, ReasonCodes.FrequencyOutOfRange, Invariant($"test frequency {hz} Hz is outside {minHz}-{maxHz} Hz ({req.Standard}); repeat the test"));
            }
        }

        if (input.AppliedKv < lower)
        {
            return Verdict(Outcome.Invalid, ReasonCodes.VoltageTooLow, Invariant($"applied {input.AppliedKv} kV is below {window}: not a pass; repeat the test at the required level"));
        }

        if (input.AppliedKv > upper)
        {
            return Verdict(Outcome.Invalid, ReasonCodes.VoltageTooHigh, Invariant($"applied {input.AppliedKv} kV is above {window}: the sample was over-stressed; repeat on a new sample"));
        }

        if (input.HeldS < req.RequiredS)
        {
            return Verdict(Outcome.Invalid, ReasonCodes.DurationTooShort, Invariant($"held {input.HeldS} s < {req.RequiredS} s required without breakdown: the test is incomplete, not a pass; repeat for the full duration"));
        }

        return Verdict(Outcome.Pass, null, null);
    }

    /// <summary>The DC level the standard allows instead of AC for this rating (the applied one for a DC test); null where there is none.</summary>
    private decimal? DcAlternativeKv(VoltageWithstandInput input, VoltageTestRequirement requirement)
    {
        if (requirement.Kind == VoltageKind.DC)
        {
            return requirement.RequiredKv;
        }

        var dc = Catalogue.FindVoltageTest(input.RatedVoltage, VoltageKind.DC, requirement.Family);
        return dc.Found ? dc.Value!.RequiredKv : null;
    }
}
