using CableTest.HardwareSim.Physics;
using CableTest.Protocols.Scpi;

namespace CableTest.HardwareSim.Devices;

/// <summary>
/// SIM-OHM-1 micro-ohmmeter (profile sim-ohm): 4-wire DC resistance of the connected core, decade ranges
/// 10 mΩ … 1 MΩ, 6½ digits (resolution range × 10⁻⁶), reading noise relative to the reading plus 10⁻⁷ of
/// range; 2-wire adds the lead resistance; without offset compensation a thermal-EMF offset of 2·10⁻⁵ of
/// range remains. Over 120 % of range it answers 9.9E+37.
/// </summary>
internal sealed class MicroOhmmeter(BenchPhysics bench) : ScpiInstrument(bench, "SIM-OHM-1", 1)
{
    private static readonly double[] Ranges = [0.01, 0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6];
    private double rangeOhm = 10;
    private bool fourWire = true;
    private bool offsetCompensation = true;

    /// <summary>Present range.</summary>
    public double RangeOhm
    {
        get
        {
            lock (Gate)
            {
                return rangeOhm;
            }
        }
    }

    protected override bool Handle(ScpiCommand command, out string? reply)
    {
        reply = null;
        if (command.Is("SENSe:RESistance:RANGe"))
        {
            if (command.IsQuery)
            {
                reply = ScpiNumbers.FormatNr3(rangeOhm);
            }
            else if (Number(command, 1e-5, 1e6) is { } requested)
            {
                rangeOhm = Ranges.First(r => r >= requested * (1 - 1e-9));
            }

            return true;
        }

        if (command.Is("SENSe:RESistance:MODE"))
        {
            if (command.IsQuery)
            {
                reply = fourWire ? "4W" : "2W";
            }
            else if (command.Argument.ToUpperInvariant() is "4W" or "2W")
            {
                fourWire = command.Argument.Equals("4W", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                PushError(-224, "Illegal parameter value");
            }

            return true;
        }

        if (command.Is("SENSe:RESistance:OCOMpensated"))
        {
            if (command.IsQuery)
            {
                reply = offsetCompensation ? "1" : "0";
            }
            else if (Boolean(command) is { } on)
            {
                offsetCompensation = on;
            }

            return true;
        }

        if (command.Is("MEASure:RESistance") && command.IsQuery)
        {
            reply = ScpiNumbers.FormatNr3(Measure(), 7);
            return true;
        }

        return false;
    }

    protected override void Reset()
    {
        rangeOhm = 10;
        fourWire = true;
        offsetCompensation = true;
    }

    private double Measure()
    {
        var now = Bench.NowS;
        var trueOhm = Bench.TrueResistanceOhm(now) + (fourWire ? 0 : Bench.Devices.OhmLeadResistanceOhm);
        var sigma = (Bench.Devices.OhmNoiseFraction * trueOhm) + (rangeOhm * 1e-7);
        var reading = trueOhm + (Random.NextGaussian() * sigma) + (offsetCompensation ? 0 : rangeOhm * 2e-5);
        return reading > rangeOhm * 1.2 ? double.PositiveInfinity : Noise.Quantize(reading, rangeOhm * 1e-6);
    }
}
