using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Drivers;
using CableTest.Runs.Model;
using CableTest.Runs.Plan;
using CableTest.Runs.Ports;

namespace CableTest.Runs.Procedures.VoltageWithstand;

/// <summary>
/// Voltage withstand of all cores together (GB/T 3048.8): the operator closes the cage (asked again while the
/// interlock is open), the tester runs its program (ramp, dwell, ramp down) and is polled every interval. An
/// interlock opening mid-test commands the safe state at once and ends the test interrupted (never a pass); the
/// readings taken up to then are kept. The output is commanded off however the step ends.
/// </summary>
public sealed partial class VoltageWithstandProcedure
{
    /// <summary>The method named in the verdict.</summary>
    public const string MethodName = "GB/T 3048.8-2007";

    private readonly IWithstandTester _tester;
    private readonly string _testerId;
    private readonly ISafeState _safeState;
    private readonly VoltageWithstandOptions _options;
    private readonly VerdictEngine _engine;

    /// <param name="tester">The hipot tester.</param>
    /// <param name="testerId">Its bench id.</param>
    /// <param name="safeState">Makes the bench safe when the interlock opens mid-test.</param>
    /// <param name="options">Validated here.</param>
    /// <param name="engine">Verdict engine and catalogue (the required level); null: <see cref="VerdictEngine.Default"/>.</param>
    public VoltageWithstandProcedure(IWithstandTester tester, string testerId, ISafeState safeState, VoltageWithstandOptions options, VerdictEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(tester);
        ArgumentException.ThrowIfNullOrWhiteSpace(testerId);
        ArgumentNullException.ThrowIfNull(safeState);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_tester, _testerId, _safeState, _options, _engine) = (tester, testerId, safeState, options, engine ?? VerdictEngine.Default);
    }

    /// <summary>
    /// Tests the plan's sample at the level the catalogue requires for its rating, voltage kind and family (no level:
    /// an invalid verdict before anything moves). Readings: "voltage_withstand" (voltage_kv, leakage_ma) at the
    /// time since the program started (ramp up, dwell and ramp down on one axis, <see cref="WithstandRules.TestTimeS"/>). A garbled number throws <see cref="ImplausibleReadingException"/>; a program that does not
    /// finish within <see cref="VoltageWithstandOptions.StepTimeout"/> throws <see cref="TimeoutException"/>.
    /// </summary>
    public async Task<StepResult> RunAsync(StepContext context, TestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        var requirement = _engine.Catalogue.FindVoltageTest(plan.Sample.RatedVoltage, plan.Settings.VoltageKind, plan.Requirements.VoltageTestFamily);
        if (!requirement.Found)
        {
            var problem = StepVerdicts.Problem(TestKind.VoltageWithstand, requirement.ReasonCode ?? "no_limit_defined", requirement.Detail ?? "no voltage test level");
            return new StepResult(problem, context.Time.GetUtcNow()) { InstrumentIds = [_testerId] };
        }

        var req = requirement.Value!;
        await context.Prompts.AskAsync(PromptKind.CloseCage, "Connect all cores together to the HV lead, screen/water to earth, leave the cage and close the door", cancellationToken).ConfigureAwait(false);
        var status = await _tester.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        while (!status.InterlockClosed)
        {
            await context.Prompts.AskAsync(PromptKind.CloseCage, "The interlock is open: close the cage door, then confirm", cancellationToken).ConfigureAwait(false);
            status = await _tester.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        }

        var program = WithstandRules.Program(req, plan.Settings.VoltageKind, _options);
        await _tester.ConfigureAsync(program, cancellationToken).ConfigureAwait(false);
        var tally = await DwellAsync(context, program, cancellationToken).ConfigureAwait(false);
        return Judge(context, plan, req, tally);
    }

    private async Task<Tally> DwellAsync(StepContext context, WithstandSettings program, CancellationToken cancellationToken)
    {
        var dwellS = program.Dwell.TotalSeconds;
        var tally = new Tally();
        var testTimeS = 0.0;
        var started = context.Time.GetTimestamp();
        await _tester.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var i = 0;
            while (true)
            {
                await Task.Delay(_options.PollInterval, context.Time, cancellationToken).ConfigureAwait(false);
                var status = await _tester.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
                tally.Final = status;
                if (!status.InterlockClosed)
                {
                    // Safety first: the tester drops the output itself; command the bench safe as well before anything else.
                    tally.Interrupted = true;
                    await _safeState.MakeSafeAsync($"interlock opened during step {context.StepId}", CancellationToken.None).ConfigureAwait(false);
                    context.Progress.Log("interlock opened: output dropped, the withstand test is interrupted");
                    break;
                }

                Checked(status);
                tally.MaxLeakageMa = Math.Max(tally.MaxLeakageMa, status.LeakageMa);
                if (status.State == WithstandState.Dwell)
                {
                    tally.HeldS = Math.Max(tally.HeldS, status.ElapsedS);
                    tally.DwellVoltagesKv.Add(status.OutputVoltageKv);
                }

                testTimeS = WithstandRules.TestTimeS(status.State, status.ElapsedS, program, testTimeS);
                tally.ReadingIds.Add(await context.TakeAsync("voltage_withstand", _testerId, i++, [new("voltage_kv", status.OutputVoltageKv), new("leakage_ma", status.LeakageMa)], cancellationToken, testTimeS).ConfigureAwait(false));
                tally.Progress = WithstandRules.Progress(status.State, tally.HeldS, dwellS, tally.Progress);
                await context.Progress.ReportAsync(tally.Progress, Math.Max(0, dwellS - tally.HeldS)).ConfigureAwait(false);
                if (status.State is WithstandState.Complete or WithstandState.Stopped)
                {
                    break;
                }

                if (context.Time.GetElapsedTime(started) > _options.StepTimeout)
                {
                    throw new TimeoutException($"the withstand program did not finish within {_options.StepTimeout}");
                }
            }
        }
        finally
        {
            await OutputOffAsync(context).ConfigureAwait(false);
        }

        return tally;
    }

    private async Task OutputOffAsync(StepContext context)
    {
        using var off = new CancellationTokenSource(_options.OutputOffTimeout, context.Time);
        try
        {
            await _tester.OutputOffAsync(off.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Progress.Log("output off after the withstand test not confirmed: " + e.Message);
        }
    }

    private void Checked(WithstandStatus status)
    {
        Plausibility.Require(status.OutputVoltageKv, "voltage_kv", _testerId);
        Plausibility.Require(status.LeakageMa, "leakage_ma", _testerId);
        Plausibility.Require(status.ElapsedS, "elapsed_s", _testerId);
    }
}
