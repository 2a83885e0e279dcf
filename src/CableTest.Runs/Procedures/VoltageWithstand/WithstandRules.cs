using CableTest.Domain.Standards;
using CableTest.Instruments.Drivers;

namespace CableTest.Runs.Procedures.VoltageWithstand;

/// <summary>How the tester's account becomes the verdict's inputs: program, held time, applied voltage, breakdown and interruption.</summary>
public static class WithstandRules
{
    /// <summary>The tester program for a requirement: the required level and duration, ramps, trip current.</summary>
    public static WithstandSettings Program(VoltageTestRequirement requirement, VoltageKind kind, VoltageWithstandOptions options)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(options);
        return new WithstandSettings(kind == VoltageKind.DC ? WithstandKind.Dc : WithstandKind.Ac, (double)requirement.RequiredKv, options.FrequencyHz,
            options.Ramp, TimeSpan.FromSeconds((double)requirement.RequiredS), options.Ramp, options.LeakageLimitMa, options.ArcDetection);
    }

    /// <summary>The tester tripped on the sample: leakage over the limit, arc or breakdown.</summary>
    public static bool IsBreakdown(WithstandOutcome outcome) => outcome is WithstandOutcome.Breakdown or WithstandOutcome.Arc or WithstandOutcome.High;

    /// <summary>The test stopped for a reason other than the sample: interlock, a stop command, an open circuit (LO).</summary>
    public static bool IsInterruption(WithstandOutcome outcome) => outcome is WithstandOutcome.Interlock or WithstandOutcome.Aborted or WithstandOutcome.Low;

    /// <summary>
    /// Time held: the longest dwell time polled, or the full dwell when the tester completed its program with a pass
    /// (what the polling saw last is then only a lower bound).
    /// </summary>
    public static double HeldS(WithstandStatus final, double polledHeldS, double dwellS)
    {
        ArgumentNullException.ThrowIfNull(final);
        return final.State == WithstandState.Complete && final.Outcome == WithstandOutcome.Pass ? Math.Max(polledHeldS, dwellS) : polledHeldS;
    }

    /// <summary>The lowest voltage polled during the dwell (0 when none was).</summary>
    public static double AppliedKv(IReadOnlyList<double> dwellVoltagesKv)
    {
        ArgumentNullException.ThrowIfNull(dwellVoltagesKv);
        return dwellVoltagesKv.Count > 0 ? dwellVoltagesKv.Min() : 0;
    }

    /// <summary>Step progress: 5 % on the ramp, 5–95 % through the dwell, unchanged otherwise.</summary>
    public static double Progress(WithstandState state, double heldS, double dwellS, double previous) => state switch
    {
        WithstandState.RampUp => 0.05,
        WithstandState.Dwell => 0.05 + (0.9 * Math.Min(1, heldS / dwellS)),
        _ => previous,
    };

    /// <summary>
    /// Time since the program started (s), for the readings' time axis: the tester counts each phase from zero (ramp up,
    /// dwell, ramp down), so the phases before the present one are added from the program (the ramp down follows a full
    /// dwell; a trip or a stop ends in <see cref="WithstandState.Stopped"/>). Never goes back (<paramref name="previousS"/>):
    /// a stopped tester's count says nothing new.
    /// </summary>
    public static double TestTimeS(WithstandState state, double phaseElapsedS, WithstandSettings program, double previousS)
    {
        ArgumentNullException.ThrowIfNull(program);
        var (rampUpS, dwellS) = (program.RampUp.TotalSeconds, program.Dwell.TotalSeconds);
        var time = state switch
        {
            WithstandState.RampUp => phaseElapsedS,
            WithstandState.Dwell => rampUpS + phaseElapsedS,
            WithstandState.RampDown => rampUpS + dwellS + phaseElapsedS,
            WithstandState.Complete => rampUpS + dwellS + program.RampDown.TotalSeconds,
            _ => previousS,
        };
        return Math.Max(previousS, time);
    }
}
