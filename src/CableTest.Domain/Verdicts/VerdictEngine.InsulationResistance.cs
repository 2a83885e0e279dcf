using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;

namespace CableTest.Domain.Verdicts;

public sealed partial class VerdictEngine
{
    private const decimal TwoPi = 6.2831853071795864769252867666m;

    /// <summary>
    /// Insulation resistance (GB/T 3048.5): R_L = R[MOhm] x L[km]; Ki = R_L / lg(D/d) (MOhm.km);
    /// rho = 2 pi L[cm] R[Ohm] / ln(D/d) (Ohm.cm); the input's criterion is compared with the
    /// minimum for the cable type or compound at the test temperature ("not less than": equal
    /// passes) under <paramref name="rule"/> (simple acceptance when null).
    /// Errors: invalid_input (L, R, d not positive or D &lt;= d), no_limit_defined. Invalid: test
    /// voltage outside DC 80-500 V (test_voltage_out_of_range), electrification shorter than 60 s
    /// or longer than 300 s (electrification_time_too_short / _too_long).
    /// </summary>
    public TestVerdict EvaluateInsulationResistance(InsulationResistanceInput input, DecisionRule? rule = null)
    {
        rule ??= DecisionRule.SimpleAcceptance;
        const TestKind kind = TestKind.InsulationResistance;
        var evidence = new InsulationResistanceEvidence(input.CableType, input.Criterion, input.MeasuredResistanceMohm, input.LengthM,
            input.TestTemperatureC, input.TestVoltageVDc, input.ElectrificationS, input.ConductorDiameterMm, input.InsulationOuterDiameterMm,
            null, null, null, null, input.Criterion.Unit(), null);
        if (!input.DiametersKnown && input.Criterion == InsulationCriterion.ResistanceLength)
        {
            return EvaluateResistanceLengthOnly(input, evidence, rule);
        }

        if (input.LengthM <= 0m || input.MeasuredResistanceMohm <= 0m || input.ConductorDiameterMm <= 0m)
        {
            return TestVerdict.Problem(kind, Outcome.Error, ReasonCodes.InvalidInput,
                Invariant($"length ({input.LengthM} m), measured resistance ({input.MeasuredResistanceMohm} MOhm) and conductor diameter d ({input.ConductorDiameterMm} mm) must be positive"), evidence);
        }

        if (input.InsulationOuterDiameterMm <= input.ConductorDiameterMm)
        {
            return TestVerdict.Problem(kind, Outcome.Error, ReasonCodes.InvalidInput,
                Invariant($"the diameter over the insulation D ({input.InsulationOuterDiameterMm} mm) must exceed the diameter under it d ({input.ConductorDiameterMm} mm)"), evidence);
        }

        try
        {
            var ratio = (double)(input.InsulationOuterDiameterMm / input.ConductorDiameterMm);
            var rl = input.MeasuredResistanceMohm * input.LengthM / 1000m;
            evidence = evidence with
            {
                RLMohmKm = rl,
                KiMohmKm = rl / (decimal)Math.Log10(ratio),
                RhoOhmCm = TwoPi * (input.LengthM * 100m) * (input.MeasuredResistanceMohm * 1_000_000m) / (decimal)Math.Log(ratio),
            };
        }
        catch (ArithmeticException)
        {
            return TestVerdict.Problem(kind, Outcome.Error, ReasonCodes.InvalidInput, "the reading is out of the representable range", evidence);
        }

        return JudgeInsulation(input, evidence, rule);
    }

    /// <summary>R_L only (no d and D): Ki and rho stay null and a warning says they were not computed.</summary>
    private TestVerdict EvaluateResistanceLengthOnly(InsulationResistanceInput input, InsulationResistanceEvidence evidence, DecisionRule rule)
    {
        if (input.LengthM <= 0m || input.MeasuredResistanceMohm <= 0m)
        {
            return TestVerdict.Problem(TestKind.InsulationResistance, Outcome.Error, ReasonCodes.InvalidInput,
                Invariant($"length ({input.LengthM} m) and measured resistance ({input.MeasuredResistanceMohm} MOhm) must be positive"), evidence);
        }

        var verdict = JudgeInsulation(input, evidence with { RLMohmKm = input.MeasuredResistanceMohm * input.LengthM / 1000m }, rule);
        return verdict with { Warnings = [.. verdict.Warnings, "Ki and rho not computed: the sample was registered without the diameters d and D"] };
    }

    private TestVerdict JudgeInsulation(InsulationResistanceInput input, InsulationResistanceEvidence evidence, DecisionRule rule)
    {
        const TestKind kind = TestKind.InsulationResistance;
        var method = Catalogue.InsulationMethod;
        var methodText = input.MethodName ?? $"{method.Edition} ({method.Clause})";
        if (input.TestVoltageVDc < method.MinTestVoltageVDc || input.TestVoltageVDc > method.MaxTestVoltageVDc)
        {
            return TestVerdict.Problem(kind, Outcome.Invalid, ReasonCodes.TestVoltageOutOfRange,
                Invariant($"test voltage DC {input.TestVoltageVDc} V is outside DC {method.MinTestVoltageVDc}-{method.MaxTestVoltageVDc} V ({methodText}, {method.TestVoltageProvenance.Describe()}); repeat the measurement"), evidence);
        }

        if (input.ElectrificationS < method.MinElectrificationS)
        {
            return TestVerdict.Problem(kind, Outcome.Invalid, ReasonCodes.ElectrificationTimeTooShort,
                Invariant($"reading taken after {input.ElectrificationS} s; it must be taken after at least {method.MinElectrificationS} s and at most {method.MaxElectrificationS} s of electrification ({methodText}, {method.ElectrificationProvenance.Describe()})"), evidence);
        }

        if (input.ElectrificationS > method.MaxElectrificationS)
        {
            return TestVerdict.Problem(kind, Outcome.Invalid, ReasonCodes.ElectrificationTimeTooLong,
                Invariant($"reading taken after {input.ElectrificationS} s; it must be taken after at least {method.MinElectrificationS} s and at most {method.MaxElectrificationS} s of electrification ({methodText}, {method.ElectrificationProvenance.Describe()})"), evidence);
        }

        var lookup = Catalogue.FindInsulationMinimum(input.CableType, input.Criterion, input.TestTemperatureC, input.ConductorClass, input.CrossSectionMm2);
        if (!lookup.Found)
        {
            return TestVerdict.Problem(kind, Outcome.Error, lookup.ReasonCode!, lookup.Detail!, evidence);
        }

        var minimum = lookup.Value!;
        var budgets = input.Uncertainty is { } inputs
            ? InsulationBudget.Compute(inputs, input.Criterion, input.MeasuredResistanceMohm, input.LengthM, input.TestVoltageVDc,
                input.ConductorDiameterMm, input.InsulationOuterDiameterMm, evidence.Compared!.Value, input.TestTemperatureC)
            : BudgetOutcome.None;
        var reference = new StandardReference(minimum.Standard, minimum.Edition, minimum.Clause, methodText, minimum.Provenance.Verified, minimum.Provenance.Describe());
        var warnings = LimitWarnings(minimum.Provenance, minimum.Notes);
        warnings.AddRange(BudgetWarnings(budgets));
        if (ResolveRule(rule, budgets) is not { } resolved)
        {
            return NoBudget(kind, evidence with { Minimum = minimum.Minimum }, reference, warnings, budgets, rule);
        }

        var tolerance = input.Criterion == InsulationCriterion.ResistanceLength ? 0m : LogQuantityRelativeTolerance;
        var decision = ConformityDecision.Decide(evidence.Compared!.Value, minimum.Minimum, LimitType.Lower, resolved, tolerance);
        return new TestVerdict
        {
            Kind = kind,
            Outcome = decision.Outcome,
            Reference = reference,
            DecisionRule = resolved,
            Warnings = warnings,
            Evidence = evidence with { Minimum = minimum.Minimum, AcceptanceLimit = decision.AcceptanceLimit },
            Uncertainty = budgets.Budgets,
        };
    }
}
