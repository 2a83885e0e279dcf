using CableTest.Instruments.Drivers;

namespace CableTest.HardwareSim.Physics;

/// <summary>
/// One withstand program from its start, evaluated lazily at any instrument time so readings do not
/// depend on how often anyone polls. The voltage rises linearly over the ramp-up, holds for the dwell and
/// falls over the ramp-down. Current: AC I = V·(2πfC + 1/R); DC I = C·|dV/dt| + V/R (charging current only
/// while ramping). The first of leakage trip (outcome high), breakdown (at a voltage or a dwell time),
/// the scheduled interlock opening and the program end decides how it ends; a stop command or an
/// interlock opening from outside ends it at once (<see cref="Halt"/>).
/// </summary>
public sealed class WithstandRun
{
    private const int ScanSteps = 2000;
    private readonly double capacitanceF;
    private readonly double insulationOhm;
    private readonly double endS;
    private readonly WithstandOutcome endOutcome;
    private readonly double endLeakageMa;
    private double? haltS;
    private WithstandOutcome haltOutcome;

    /// <param name="program">The accepted program.</param>
    /// <param name="startS">Instrument time of the start command.</param>
    /// <param name="capacitanceF">Sample capacitance.</param>
    /// <param name="insulationOhm">Sample insulation resistance.</param>
    /// <param name="breakdownVoltageV">Breaks down when the voltage reaches this.</param>
    /// <param name="breakdownDwellS">Breaks down this long into the dwell.</param>
    /// <param name="interlockOpenAtDwellS">The interlock opens this long into the dwell.</param>
    public WithstandRun(WithstandProgram program, double startS, double capacitanceF, double insulationOhm, double? breakdownVoltageV, double? breakdownDwellS, double? interlockOpenAtDwellS)
    {
        ArgumentNullException.ThrowIfNull(program);
        Program = program;
        StartS = startS;
        this.capacitanceF = capacitanceF;
        this.insulationOhm = insulationOhm;
        (endS, endOutcome) = (program.TotalS, WithstandOutcome.Pass);
        endLeakageMa = 0;
        if (FindTrip() is { } trip && trip < endS)
        {
            (endS, endOutcome, endLeakageMa) = (trip, WithstandOutcome.High, Math.Max(CurrentMa(trip), program.LeakageLimitMa));
        }

        double? breakdown = null;
        if (breakdownVoltageV is { } bv && bv <= program.VoltageV)
        {
            breakdown = program.RampUpS * Math.Max(bv, 0) / program.VoltageV;
        }

        if (breakdownDwellS is { } bd && bd < program.DwellS)
        {
            breakdown = Math.Min(breakdown ?? double.MaxValue, program.RampUpS + Math.Max(bd, 0));
        }

        if (breakdown is { } b && b <= endS)
        {
            (endS, endOutcome) = (b, WithstandOutcome.Breakdown);
            endLeakageMa = Math.Max(CurrentMa(b) * 20, program.LeakageLimitMa * 1.5);
        }

        if (interlockOpenAtDwellS is { } io && io < program.DwellS && program.RampUpS + io < endS)
        {
            (endS, endOutcome, endLeakageMa) = (program.RampUpS + Math.Max(io, 0), WithstandOutcome.Interlock, 0);
        }
    }

    /// <summary>The program.</summary>
    public WithstandProgram Program { get; }

    /// <summary>Instrument time of the start.</summary>
    public double StartS { get; }

    /// <summary>Instrument time at which a scheduled interlock opening happens(ed), if this run ends that way.</summary>
    public double? ScheduledInterlockOpenS => haltS is null && endOutcome == WithstandOutcome.Interlock ? StartS + endS : null;

    /// <summary>Instrument time at which the run ends (or ended).</summary>
    public double EndS => StartS + (haltS ?? endS);

    /// <summary>How the run ends (or ended), barring an outside halt still to come.</summary>
    public WithstandOutcome Outcome => haltS is null ? endOutcome : haltOutcome;

    /// <summary>Ends a live run now (stop command, interlock opened). False if it had already ended.</summary>
    public bool Halt(double nowS, WithstandOutcome outcome)
    {
        var t = nowS - StartS;
        if (haltS is not null || t >= endS)
        {
            return false;
        }

        haltS = Math.Max(t, 0);
        haltOutcome = outcome;
        return true;
    }

    /// <summary>The reading at instrument time <paramref name="nowS"/>.</summary>
    public WithstandReading At(double nowS)
    {
        var t = Math.Max(nowS - StartS, 0);
        if (haltS is { } h && t >= h)
        {
            return new WithstandReading(WithstandState.Stopped, haltOutcome, 0, 0, PhaseElapsed(h), null, null, false);
        }

        if (t >= endS)
        {
            return endOutcome switch
            {
                WithstandOutcome.Pass => new WithstandReading(WithstandState.Complete, WithstandOutcome.Pass, 0, 0, Program.DwellS, null, null, false),
                WithstandOutcome.Interlock => new WithstandReading(WithstandState.Stopped, WithstandOutcome.Interlock, 0, 0, PhaseElapsed(endS), null, null, false),
                _ => new WithstandReading(WithstandState.Stopped, endOutcome, 0, endLeakageMa, PhaseElapsed(endS), VoltageV(endS), endS, false),
            };
        }

        return new WithstandReading(Phase(t), WithstandOutcome.None, VoltageV(t), CurrentMa(t), PhaseElapsed(t), null, null, true);
    }

    /// <summary>Output voltage at program time <paramref name="t"/> while running.</summary>
    public double VoltageV(double t)
    {
        var p = Program;
        if (t < p.RampUpS)
        {
            return p.VoltageV * t / p.RampUpS;
        }

        if (t < p.RampUpS + p.DwellS)
        {
            return p.VoltageV;
        }

        return t < p.TotalS && p.RampDownS > 0 ? p.VoltageV * (1 - ((t - p.RampUpS - p.DwellS) / p.RampDownS)) : 0;
    }

    /// <summary>Current at program time <paramref name="t"/> while running, mA.</summary>
    public double CurrentMa(double t)
    {
        var p = Program;
        var v = VoltageV(t);
        var resistive = insulationOhm > 0 ? v / insulationOhm : 0;
        if (!p.Dc)
        {
            return v * ((2 * Math.PI * p.FrequencyHz * capacitanceF) + (insulationOhm > 0 ? 1 / insulationOhm : 0)) * 1e3;
        }

        var slope = t < p.RampUpS ? p.VoltageV / p.RampUpS
            : t >= p.RampUpS + p.DwellS && t < p.TotalS && p.RampDownS > 0 ? p.VoltageV / p.RampDownS
            : 0;
        return ((capacitanceF * slope) + resistive) * 1e3;
    }

    private WithstandState Phase(double t) =>
        t < Program.RampUpS ? WithstandState.RampUp : t < Program.RampUpS + Program.DwellS ? WithstandState.Dwell : WithstandState.RampDown;

    private double PhaseElapsed(double t) => Phase(t) switch
    {
        WithstandState.RampUp => t,
        WithstandState.Dwell => t - Program.RampUpS,
        _ => t - Program.RampUpS - Program.DwellS,
    };

    // First program time the current exceeds the limit: a scan over each phase, then bisection.
    private double? FindTrip()
    {
        var p = Program;
        var limit = p.LeakageLimitMa;
        double[] bounds = [0, p.RampUpS, p.RampUpS + p.DwellS, p.TotalS];
        for (var phase = 0; phase < 3; phase++)
        {
            var from = bounds[phase];
            var to = bounds[phase + 1];
            if (to <= from)
            {
                continue;
            }

            var previous = from;
            for (var i = 0; i <= ScanSteps; i++)
            {
                var t = from + ((to - from) * Math.Min(i + 1e-6, ScanSteps) / ScanSteps);
                if (t >= to)
                {
                    t = Math.BitDecrement(to);
                }

                if (CurrentMa(t) > limit)
                {
                    var (lo, hi) = (previous, t);
                    for (var k = 0; k < 60 && hi - lo > 1e-6; k++)
                    {
                        var mid = (lo + hi) / 2;
                        (lo, hi) = CurrentMa(mid) > limit ? (lo, mid) : (mid, hi);
                    }

                    return hi;
                }

                previous = t;
            }
        }

        return null;
    }
}
