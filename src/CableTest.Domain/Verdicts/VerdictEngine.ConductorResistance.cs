using System.Globalization;
using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;

namespace CableTest.Domain.Verdicts;

public sealed partial class VerdictEngine
{
    /// <summary>
    /// Conductor DC resistance (GB/T 3048.4): Rt = R x 1000 / L (ohm/km), kt by the input's method,
    /// R20 = Rt x kt, compared in decimal with the IEC 60228 maximum ("shall not exceed": equal passes)
    /// under <paramref name="rule"/> (simple acceptance when null).
    /// Errors: invalid_input (L, R or cross-section not positive), no_limit_defined (the table has no
    /// such conductor). Inconclusive invalid_conditions: temperature outside the correction's validity
    /// or outside <see cref="ConductorResistanceInput.AmbientWindowC"/> when the input sets one; no_uncertainty_budget
    /// when the rule takes U from the budget and the input gives no accuracy data (<see cref="ConductorResistanceInput.Uncertainty"/>).
    /// </summary>
    public TestVerdict EvaluateConductorResistance(ConductorResistanceInput input, DecisionRule? rule = null)
    {
        rule ??= DecisionRule.SimpleAcceptance;
        const TestKind kind = TestKind.ConductorResistance;
        var correction = Catalogue.TemperatureCorrection;
        var bare = new ConductorResistanceEvidence(input.Conductor, input.MeasuredResistanceOhm, input.LengthM, input.ConductorTemperatureC,
            input.KtMethod, null, null, null, null, null);
        if (input.LengthM <= 0m || input.MeasuredResistanceOhm <= 0m || input.Conductor.CrossSectionMm2 <= 0m)
        {
            return TestVerdict.Problem(kind, Outcome.Error, ReasonCodes.InvalidInput,
                Invariant($"length ({input.LengthM} m), measured resistance ({input.MeasuredResistanceOhm} ohm) and cross-section ({input.Conductor.CrossSectionMm2} mm2) must be positive"), bare);
        }

        var method = input.MethodName ?? correction.Methods[input.KtMethod].Clause;
        var methodText = $"{method}; kt method {input.KtMethod.ToWireName()} ({correction.Methods[input.KtMethod].Formula})";
        var lookup = Catalogue.FindConductorResistanceLimit(input.Conductor, input.Edition);

        var temperatureValid = correction.ValidityC.Contains(input.ConductorTemperatureC);
        var evidence = bare;
        var budgets = BudgetOutcome.None;
        if (temperatureValid)
        {
            try
            {
                var kt = correction.Kt(input.KtMethod, input.Conductor.Material, input.ConductorTemperatureC);
                var rt = input.MeasuredResistanceOhm * 1000m / input.LengthM;
                evidence = bare with { Kt = kt, RtOhmPerKm = rt, R20OhmPerKm = rt * kt };
                if (input.Uncertainty is { } inputs)
                {
                    budgets = ConductorBudget.Compute(inputs, input.MeasuredResistanceOhm, input.LengthM, input.ConductorTemperatureC, input.KtMethod,
                        correction.Alpha20PerK(input.Conductor.Material), kt, rt, rt * kt);
                }
            }
            catch (ArithmeticException)
            {
                return TestVerdict.Problem(kind, Outcome.Error, ReasonCodes.InvalidInput, "the reading is out of the representable range", bare);
            }
        }

        if (!lookup.Found)
        {
            return TestVerdict.Problem(kind, Outcome.Error, lookup.ReasonCode!, lookup.Detail!, evidence);
        }

        if (!temperatureValid)
        {
            return TestVerdict.Problem(kind, Outcome.Inconclusive, ReasonCodes.InvalidConditions,
                Invariant($"conductor temperature {input.ConductorTemperatureC} degC is outside {correction.ValidityC}, where the linear correction to 20 degC is accepted; measure again in conditions"), evidence);
        }

        var limit = lookup.Value!;
        var reference = new StandardReference(limit.Standard, limit.Edition, limit.Table, methodText, limit.Provenance.Verified,
            limit.Provenance.Describe() + "; kt " + correction.ProvenanceOf(input.KtMethod, input.Conductor.Material).Describe());
        var warnings = LimitWarnings(limit.Provenance, limit.Notes);
        warnings.AddRange(BudgetWarnings(budgets));
        if (input.AmbientWindowC is { } window && !window.Contains(input.ConductorTemperatureC))
        {
            return TestVerdict.Problem(kind, Outcome.Inconclusive, ReasonCodes.InvalidConditions,
                Invariant($"conductor temperature {input.ConductorTemperatureC} degC is outside the method's ambient window {window}; no statement is given on a corrected value measured outside it"),
                evidence with { LimitOhmPerKm = limit.MaxOhmPerKm }, reference, warnings) with { Uncertainty = budgets.Budgets };
        }

        if (ResolveRule(rule, budgets) is not { } resolved)
        {
            return NoBudget(kind, evidence with { LimitOhmPerKm = limit.MaxOhmPerKm }, reference, warnings, budgets, rule);
        }

        var decision = ConformityDecision.Decide(evidence.R20OhmPerKm!.Value, limit.MaxOhmPerKm, LimitType.Upper, resolved);
        return new TestVerdict
        {
            Kind = kind,
            Outcome = decision.Outcome,
            Reference = reference,
            DecisionRule = resolved,
            Warnings = warnings,
            Evidence = evidence with { LimitOhmPerKm = limit.MaxOhmPerKm, AcceptanceLimitOhmPerKm = decision.AcceptanceLimit },
            Uncertainty = budgets.Budgets,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
