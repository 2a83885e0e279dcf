using System.Globalization;
using CableTest.HardwareSim.Physics;
using CableTest.Instruments.Drivers;
using CableTest.Instruments.Profiles;
using CableTest.Protocols.Modbus;

namespace CableTest.HardwareSim.Devices;

/// <summary>
/// SIM-HV-1 withstand tester (profile sim-hipot), the same register map over RTU and TCP. Holding registers hold
/// the program and the command: writing <c>command_start</c> runs the program (refused — state stopped, outcome
/// interlock, output off — when the interlock is open; an invalid program is exception 3), <c>command_stop</c>
/// drops the output at once (outcome aborted if it was running). Program registers are read-only while the
/// output is live (exception 6). Input registers are the live state, evaluated at the instrument time of the read.
/// </summary>
internal sealed class WithstandTester : IModbusDataStore
{
    private readonly BenchPhysics bench;
    private readonly RegisterMap map;
    private readonly Random random;
    private readonly Lock gate = new();
    private readonly ushort[] holding;
    private WithstandRun? run;
    private WithstandReading? refused;
    private bool endLogged;
    private bool scheduledInterlockHandled;

    public WithstandTester(BenchPhysics bench, ModbusProfile profile)
    {
        this.bench = bench;
        map = new RegisterMap(profile);
        random = new Random(unchecked((bench.Seed * 31) + 3));
        holding = new ushort[map.HoldingCount];
        map.Encode(holding, "mode", map.Code("mode_ac"));
        map.Encode(holding, "frequency_hz", 50);
        map.Encode(holding, "voltage_v", 2500);
        map.Encode(holding, "ramp_up_s", 10);
        map.Encode(holding, "dwell_s", 300);
        map.Encode(holding, "ramp_down_s", 5);
        map.Encode(holding, "leakage_limit_ma", 10);
        map.Encode(holding, "arc_detection", 1);
        map.Encode(holding, "command", map.Code("command_stop"));
    }

    /// <summary>The noise-free state now.</summary>
    public WithstandReading Reading()
    {
        lock (gate)
        {
            return Refresh(bench.NowS);
        }
    }

    /// <summary>Opens or closes the interlock input; true when opening it dropped a live output.</summary>
    public bool SetInterlock(bool closed)
    {
        lock (gate)
        {
            var now = bench.NowS;
            Refresh(now);
            bench.InterlockClosed = closed;
            if (closed || run is null || !run.Halt(now, WithstandOutcome.Interlock))
            {
                return false;
            }

            bench.AddEvent("withstand: interlock opened, output dropped (outcome interlock)");
            endLogged = true;
            return true;
        }
    }

    public ModbusExceptionCode? ReadHoldingRegisters(ushort startAddress, Span<ushort> values)
    {
        lock (gate)
        {
            if (RegisterMap.Check(startAddress, values.Length, holding.Length) is { } bad)
            {
                return bad;
            }

            holding.AsSpan(startAddress, values.Length).CopyTo(values);
            return null;
        }
    }

    public ModbusExceptionCode? WriteHoldingRegisters(ushort startAddress, ReadOnlySpan<ushort> values)
    {
        lock (gate)
        {
            if (RegisterMap.Check(startAddress, values.Length, holding.Length) is { } bad)
            {
                return bad;
            }

            var now = bench.NowS;
            var live = Refresh(now).OutputOn;
            var command = map.Point("command").Address;
            var touchesCommand = startAddress <= command && command < startAddress + values.Length;
            if (live && (startAddress < command || startAddress + values.Length > command + 1))
            {
                return ModbusExceptionCode.ServerDeviceBusy;
            }

            var saved = holding.ToArray();
            values.CopyTo(holding.AsSpan(startAddress));
            if (!touchesCommand)
            {
                return null;
            }

            var code = (int)map.Decode(holding, "command");
            var outcome = code == map.Code("command_start") ? Start(now, live)
                : code == map.Code("command_stop") ? Stop(now)
                : ModbusExceptionCode.IllegalDataValue;
            if (outcome is not null)
            {
                saved.CopyTo(holding, 0);
            }

            return outcome;
        }
    }

    public ModbusExceptionCode? ReadInputRegisters(ushort startAddress, Span<ushort> values)
    {
        Span<ushort> block = stackalloc ushort[map.InputCount];
        lock (gate)
        {
            if (RegisterMap.Check(startAddress, values.Length, map.InputCount) is { } bad)
            {
                return bad;
            }

            var r = Refresh(bench.NowS);
            var leakage = r.OutputOn ? Math.Max(0, r.LeakageMa * (1 + (random.NextGaussian() * bench.Devices.HipotNoiseFraction))) : r.LeakageMa;
            var volts = r.OutputOn ? Math.Max(0, r.OutputVoltageV * (1 + (random.NextGaussian() * 1e-3))) : 0;
            map.Encode(block, "state", StateCode(r.State));
            map.Encode(block, "outcome", OutcomeCode(r.Outcome));
            map.Encode(block, "output_voltage_v", Math.Round(volts, 1));
            map.Encode(block, "leakage_ma", Math.Round(leakage, 4));
            map.Encode(block, "elapsed_s", Math.Round(r.ElapsedS, 2));
            map.Encode(block, "failure_voltage_v", r.FailureVoltageV ?? 0);
            map.Encode(block, "failure_time_s", r.FailureTimeS ?? 0);
            map.Encode(block, "interlock_closed", bench.InterlockClosed ? 1 : 0);
            map.Encode(block, "output_on", r.OutputOn ? 1 : 0);
        }

        block.Slice(startAddress, values.Length).CopyTo(values);
        return null;
    }

    public ModbusExceptionCode? ReadCoils(ushort startAddress, Span<bool> values) => ModbusExceptionCode.IllegalFunction;

    public ModbusExceptionCode? ReadDiscreteInputs(ushort startAddress, Span<bool> values) => ModbusExceptionCode.IllegalFunction;

    public ModbusExceptionCode? WriteCoils(ushort startAddress, ReadOnlySpan<bool> values) => ModbusExceptionCode.IllegalFunction;

    private ModbusExceptionCode? Start(double now, bool live)
    {
        if (live)
        {
            return ModbusExceptionCode.ServerDeviceBusy;
        }

        var program = new WithstandProgram(
            (int)map.Decode(holding, "mode") == map.Code("mode_dc"),
            map.Decode(holding, "frequency_hz"),
            map.Decode(holding, "voltage_v"),
            map.Decode(holding, "ramp_up_s"),
            map.Decode(holding, "dwell_s"),
            map.Decode(holding, "ramp_down_s"),
            map.Decode(holding, "leakage_limit_ma"),
            map.Decode(holding, "arc_detection") != 0);
        if (program.Problem() is { } problem)
        {
            bench.AddEvent("withstand: program refused: " + problem);
            return ModbusExceptionCode.IllegalDataValue;
        }

        if (!bench.InterlockClosed)
        {
            run = null;
            refused = new WithstandReading(WithstandState.Stopped, WithstandOutcome.Interlock, 0, 0, 0, null, null, false);
            bench.AddEvent("withstand: start refused, interlock open");
            return null;
        }

        var sample = bench.Sample;
        var insulationOhm = bench.Insulation.ResistanceMOhm(60, bench.ConductorTemperatureC(now)) * 1e6;
        run = new WithstandRun(program, now, bench.Insulation.CapacitanceF, insulationOhm, sample.BreakdownVoltageV, sample.BreakdownDwellS, bench.Devices.InterlockOpenAtDwellS);
        refused = null;
        endLogged = false;
        scheduledInterlockHandled = false;
        bench.AddEvent(string.Create(CultureInfo.InvariantCulture,
            $"withstand: started {(program.Dc ? "DC" : "AC")} {program.VoltageV:F0} V, ramp {program.RampUpS:F0} s, dwell {program.DwellS:F0} s, limit {program.LeakageLimitMa} mA"));
        return null;
    }

    private ModbusExceptionCode? Stop(double now)
    {
        if (run is not null && run.Halt(now, WithstandOutcome.Aborted))
        {
            bench.AddEvent("withstand: stopped by command, output dropped (outcome aborted)");
            endLogged = true;
        }

        return null;
    }

    // Evaluates the run at `now`, applying a scheduled interlock opening and logging the end once. Under gate.
    private WithstandReading Refresh(double now)
    {
        if (run is null)
        {
            return refused ?? WithstandReading.Idle;
        }

        if (!scheduledInterlockHandled && run.ScheduledInterlockOpenS is { } opensAt && now >= opensAt)
        {
            scheduledInterlockHandled = true;
            bench.InterlockClosed = false;
            bench.AddEvent(string.Create(CultureInfo.InvariantCulture, $"interlock opened (scheduled at {opensAt:F1} s), output dropped (outcome interlock)"));
            endLogged = true;
        }

        var reading = run.At(now);
        if (!endLogged && !reading.OutputOn)
        {
            endLogged = true;
            bench.AddEvent(reading.Outcome == WithstandOutcome.Pass
                ? "withstand: program complete (outcome pass)"
                : string.Create(CultureInfo.InvariantCulture,
                    $"withstand: {reading.Outcome.ToString().ToLowerInvariant()} at {reading.FailureVoltageV ?? 0:F0} V, {reading.FailureTimeS ?? 0:F1} s into the program (ended at {run.EndS:F1} s)"));
        }

        return reading;
    }

    private int StateCode(WithstandState state) => map.Code(state switch
    {
        WithstandState.Idle => "state_idle",
        WithstandState.RampUp => "state_ramp_up",
        WithstandState.Dwell => "state_dwell",
        WithstandState.RampDown => "state_ramp_down",
        WithstandState.Complete => "state_complete",
        _ => "state_stopped",
    });

    private int OutcomeCode(WithstandOutcome outcome) => map.Code("outcome_" + outcome.ToString().ToLowerInvariant());
}
