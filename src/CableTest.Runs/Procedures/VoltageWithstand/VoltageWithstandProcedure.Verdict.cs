using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Drivers;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;

namespace CableTest.Runs.Procedures.VoltageWithstand;

public sealed partial class VoltageWithstandProcedure
{
    private StepResult Judge(StepContext context, TestPlan plan, VoltageTestRequirement req, Tally tally)
    {
        var final = tally.Final;
        var dwellS = (double)req.RequiredS;
        var heldS = final is null ? tally.HeldS : WithstandRules.HeldS(final, tally.HeldS, dwellS);
        var outcome = final?.Outcome ?? WithstandOutcome.None;
        var breakdown = WithstandRules.IsBreakdown(outcome);
        var interrupted = tally.Interrupted || WithstandRules.IsInterruption(outcome);
        var kind = plan.Settings.VoltageKind;
        var verdict = _engine.EvaluateVoltageWithstand(new VoltageWithstandInput(plan.Sample.RatedVoltage, kind, (decimal)Math.Round(WithstandRules.AppliedKv(tally.DwellVoltagesKv), 4), (decimal)Math.Round(heldS, 3), breakdown)
        {
            FrequencyHz = kind == VoltageKind.AC ? (decimal)_options.FrequencyHz : null,
            RequiredKv = req.RequiredKv,
            RequiredS = req.RequiredS,
            StandardFamily = req.Family,
            Interrupted = interrupted && !breakdown,
            MethodName = MethodName,
            BreakdownTimeS = breakdown && final?.FailureTimeS is { } tripS ? (decimal)Math.Round(tripS, 3) : null,
            BreakdownKv = breakdown && final?.FailureVoltageKv is { } tripKv ? (decimal)Math.Round(tripKv, 4) : null,
            Uncertainty = _options.VoltmeterAccuracy is { } voltmeter ? new(new InstrumentUse(voltmeter)) : null,
        });
        return new StepResult(verdict, context.Time.GetUtcNow())
        {
            ReadingIds = tally.ReadingIds,
            InstrumentIds = [_testerId],
            Withstand = new WithstandTrace(outcome.ToString().ToLowerInvariant(), _options.LeakageLimitMa, tally.MaxLeakageMa, final?.FailureVoltageKv, final?.FailureTimeS),
        };
    }

    /// <summary>What the polling gathered.</summary>
    private sealed class Tally
    {
        public WithstandStatus? Final { get; set; }

        public double HeldS { get; set; }

        public double MaxLeakageMa { get; set; }

        public double Progress { get; set; }

        public bool Interrupted { get; set; }

        public List<double> DwellVoltagesKv { get; } = [];

        public List<string> ReadingIds { get; } = [];
    }
}
