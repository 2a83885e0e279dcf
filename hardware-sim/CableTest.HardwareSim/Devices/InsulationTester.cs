using CableTest.HardwareSim.Physics;
using CableTest.Protocols.Scpi;

namespace CableTest.HardwareSim.Devices;

/// <summary>
/// SIM-IR-1 insulation tester (profile sim-megger): DC 50–5000 V, electrification timer 1–3600 s. <c>FETC?</c>
/// answers <c>resistance_ohm,voltage_v,elapsed_s</c>; at the timer the reading is held (elapsed stays at the
/// timer) until <c>OUTP OFF</c>, which starts the discharge (<c>DISC?</c> 1 once discharged: 5·RC, at least 2 s).
/// Range 10 kΩ … 10 TΩ: above it 9.9E+37.
/// </summary>
internal sealed class InsulationTester(BenchPhysics bench) : ScpiInstrument(bench, "SIM-IR-1", 2)
{
    private const double DischargeResistorOhm = 1e6;
    private double voltageV = 500;
    private double timerS = 60;
    private double? startedS;
    private double dischargedAtS;
    private double? heldOhm;

    /// <summary>Test voltage on now.</summary>
    public bool OutputOn
    {
        get
        {
            lock (Gate)
            {
                return startedS is not null;
            }
        }
    }

    protected override bool Handle(ScpiCommand command, out string? reply)
    {
        reply = null;
        if (command.Is("SOURce:VOLTage"))
        {
            if (command.IsQuery)
            {
                reply = ScpiNumbers.FormatNr3(voltageV);
            }
            else if (startedS is not null)
            {
                PushError(-221, "Settings conflict");
            }
            else if (Number(command, 50, 5000) is { } v)
            {
                voltageV = v;
            }

            return true;
        }

        if (command.Is("SENSe:TIME"))
        {
            if (command.IsQuery)
            {
                reply = ScpiNumbers.FormatNr3(timerS);
            }
            else if (Number(command, 1, 3600) is { } t)
            {
                timerS = t;
            }

            return true;
        }

        if (command.Is("OUTPut"))
        {
            if (command.IsQuery)
            {
                reply = startedS is null ? "0" : "1";
            }
            else if (Boolean(command) is { } on)
            {
                Switch(on);
            }

            return true;
        }

        if (command.Is("FETCh") && command.IsQuery)
        {
            reply = Fetch();
            return true;
        }

        if (command.Is("DISCharge") && command.IsQuery)
        {
            reply = startedS is null && Bench.NowS >= dischargedAtS ? "1" : "0";
            return true;
        }

        return false;
    }

    protected override void Reset()
    {
        Switch(false);
        voltageV = 500;
        timerS = 60;
    }

    private void Switch(bool on)
    {
        var now = Bench.NowS;
        if (on && startedS is null)
        {
            startedS = now;
            heldOhm = null;
        }
        else if (!on && startedS is not null)
        {
            startedS = null;
            dischargedAtS = now + Math.Max(2, 5 * DischargeResistorOhm * Bench.Insulation.CapacitanceF);
        }
    }

    private string Fetch()
    {
        var now = Bench.NowS;
        if (startedS is not { } started)
        {
            return $"{ScpiNumbers.FormatNr3(heldOhm ?? double.NaN)},{ScpiNumbers.FormatNr3(0)},{ScpiNumbers.FormatNr3(0)}";
        }

        var elapsed = Math.Min(now - started, timerS);
        var trueOhm = Bench.Insulation.ResistanceMOhm(elapsed, Bench.InsulationTemperatureC(now)) * 1e6;
        var reading = Noise.SignificantDigits(trueOhm * (1 + (Random.NextGaussian() * Bench.Devices.MeggerNoiseFraction)), 4);
        if (reading > 1e13)
        {
            reading = double.PositiveInfinity;
        }

        heldOhm = reading;
        var volts = voltageV * (1 + (Random.NextGaussian() * 1e-4));
        return $"{ScpiNumbers.FormatNr3(reading)},{ScpiNumbers.FormatNr3(volts, 5)},{ScpiNumbers.FormatNr3(Noise.Quantize(elapsed, 0.1), 4)}";
    }
}
