using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Uncertainty;

/// <summary>Decision rules that take U from the result's budget (ILAC-G8:09/2019 4.2, w = U) and say so.</summary>
public sealed class BudgetDecisionRuleTests
{
    private static readonly ConductorUncertaintyInputs Case1 = new(new(WorkedInstruments.Dmm6500, 1m), new(WorkedInstruments.XyMd02), LengthTolerance.Tape(2, 10m));

    [Theory]
    [InlineData(DecisionRuleKind.SimpleAcceptance, Outcome.Fail, 0)]
    [InlineData(DecisionRuleKind.BinaryGuardBand, Outcome.Fail, 0.026)]
    [InlineData(DecisionRuleKind.NonBinaryGuardBand, Outcome.ConditionalFail, 0.026)]
    public void Evaluate_RuleFromBudget_UsesTheReportedUAndSaysWhereItCameFrom(DecisionRuleKind kind, Outcome expected, double guardBand)
    {
        // cr-01: R20 = 7.412605 Ω/km against 7.41; case 1's U = 0.0257 → reported 0.026: (7.41, 7.436] is a conditional fail.
        var v = ConductorBudgetWorkedTests.Evaluate(0.075m, 10m, 23m, KtMethod.Alpha20, Case1, DecisionRule.FromBudget(kind));

        Assert.Equal(expected, v.Outcome);
        Assert.Equal(UncertaintySource.Budget, v.DecisionRule!.UncertaintySource);
        Assert.Equal((0.026m, (decimal)guardBand, 2m), (v.DecisionRule.ExpandedUncertainty, v.DecisionRule.GuardBand, v.DecisionRule.CoverageFactor));
        Assert.Contains("from the uncertainty budget", v.DecisionRule.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RuleFromBudgetWithoutAccuracyData_InconclusiveNeverW0()
    {
        var input = new ConductorResistanceInput(new(2, ConductorMaterial.Copper, false, 2.5m), 0.0700m, 10m, 20m);

        var v = VerdictEngine.Default.EvaluateConductorResistance(input, DecisionRule.FromBudget(DecisionRuleKind.BinaryGuardBand));

        Assert.Equal((Outcome.Inconclusive, ReasonCodes.NoUncertaintyBudget), (v.Outcome, v.ReasonCode));
        Assert.Contains("no accuracy data", v.Reason, StringComparison.Ordinal);
        Assert.True(v.DecisionRule!.AwaitsBudget);
    }

    [Fact]
    public void Evaluate_RuleWithUFromRequest_KeptAsAgreedBudgetStillReported()
    {
        var v = ConductorBudgetWorkedTests.Evaluate(0.075m, 10m, 23m, KtMethod.Alpha20, Case1, DecisionRule.NonBinaryGuardBand(0.01m));

        Assert.Equal(UncertaintySource.Request, v.DecisionRule!.UncertaintySource);
        Assert.Equal(0.01m, v.DecisionRule.GuardBand);
        Assert.Equal(0.026m, v.Uncertainty[0].ReportedExpandedUncertainty);
    }

    [Fact]
    public void Evaluate_SimpleAcceptanceWithoutU_RecordsTheBudgetsU()
    {
        var v = ConductorBudgetWorkedTests.Evaluate(0.075m, 10m, 23m, KtMethod.Alpha20, Case1);

        Assert.Equal((Outcome.Fail, UncertaintySource.Budget, 0m, 0.026m), (v.Outcome, v.DecisionRule!.UncertaintySource, v.DecisionRule.GuardBand, v.DecisionRule.ExpandedUncertainty));
    }

    [Fact]
    public void Evaluate_InsulationRuleFromBudget_LowerLimitMirrored()
    {
        // wet-bv-2.5's numbers: R_L 0.0357 against the 70 °C minimum 0.010; U from case 3 (0.000084) changes nothing here.
        var v = VerdictEngine.Default.EvaluateInsulationResistance(new InsulationResistanceInput("60227 IEC 01", InsulationCriterion.ResistanceLength, 7.14m, 5m, 70m, 500m, 60m, 1.78m, 3.38m)
        {
            ConductorClass = 1,
            CrossSectionMm2 = 2.5m,
            Uncertainty = new(null, new(WorkedInstruments.K6517BSource, WorkedInstruments.K6517BAmmeter), LengthTolerance.Tape(2, 5m)),
        }, DecisionRule.FromBudget(DecisionRuleKind.NonBinaryGuardBand));

        Assert.Equal(Outcome.Pass, v.Outcome);
        Assert.Equal(0.010084m, Assert.IsType<InsulationResistanceEvidence>(v.Evidence).AcceptanceLimit);
    }

    [Theory]
    [InlineData(0.025707, "0.026")]
    [InlineData(0.026, "0.026")]
    [InlineData(46.795, "47")]
    [InlineData(0.000083526, "0.000084")]
    [InlineData(9.991, "10")]
    [InlineData(1234.5, "1300")]
    public void RoundUp_TwoSignificantDigits_NeverBelowU(double u, string reported)
    {
        Assert.Equal(decimal.Parse(reported, System.Globalization.CultureInfo.InvariantCulture), UncertaintyBudget.RoundUp(u));
    }

    [Fact]
    public void ConformityDecision_RuleAwaitingBudget_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => ConformityDecision.Decide(1m, 2m, LimitType.Upper, DecisionRule.FromBudget(DecisionRuleKind.BinaryGuardBand)));
    }
}
