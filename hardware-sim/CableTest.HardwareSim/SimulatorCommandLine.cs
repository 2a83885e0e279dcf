using System.Globalization;
using CableTest.HardwareSim.Replay;
using CableTest.HardwareSim.Scenarios;
using CableTest.HardwareSim.Serving;

namespace CableTest.HardwareSim;

/// <summary>
/// The program's arguments: <c>--scenario NAME [--time-scale X] [--seed N] [--dir D] [--control-port P]
/// [--modbus-port P] [--scenario-dir D]... [--fault ROLE:KIND[:PARAMETER[:COUNT]]]... [--line-rate]
/// [--reply-delay-ms MS] [--replay FILE [--replay-timing recorded|fast]]</c>.
/// </summary>
internal sealed record SimulatorCommandLine(SimulatedBenchOptions Options, int ControlPort)
{
    public const string Usage = "usage: CableTest.HardwareSim --scenario NAME [--time-scale X] [--seed N] [--dir D] [--control-port P] [--modbus-port P] " +
        "[--scenario-dir D]... [--fault ROLE:KIND[:PARAMETER[:COUNT]]]... [--line-rate] [--reply-delay-ms MS] [--replay FILE [--replay-timing recorded|fast]]";

    /// <summary>Parses; <see cref="FormatException"/> names the bad argument.</summary>
    public static SimulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new SimulatedBenchOptions { WorkDirectory = Path.Combine(Path.GetTempPath(), "cabletest-sim") };
        var controlPort = 0;
        var lineRate = false;
        var replyDelay = TimeSpan.Zero;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value");
            switch (name)
            {
                case "--scenario": options.Scenario = Value(); break;
                case "--time-scale": options.TimeScale = Number(name, Value()); break;
                case "--seed": options.Seed = (int)Integer(name, Value()); break;
                case "--dir": options.WorkDirectory = Value(); break;
                case "--control-port": controlPort = (int)Integer(name, Value()); break;
                case "--modbus-port": options.ModbusTcpPort = (int)Integer(name, Value()); break;
                case "--scenario-dir": options.ScenarioDirectories.Add(Value()); break;
                case "--fault": options.Faults.Add(Fault(Value())); break;
                case "--line-rate": lineRate = true; break;
                case "--reply-delay-ms": replyDelay = TimeSpan.FromMilliseconds(Number(name, Value())); break;
                case "--replay": options.ReplayFile = Value(); break;
                case "--replay-timing":
                    options.ReplayTiming = Value() switch
                    {
                        "recorded" => ReplayTiming.Recorded,
                        "fast" => ReplayTiming.Fast,
                        var other => throw new FormatException($"--replay-timing must be recorded or fast, was \"{other}\""),
                    };
                    break;
                default: throw new FormatException($"unknown argument \"{name}\"");
            }
        }

        if (lineRate || replyDelay > TimeSpan.Zero)
        {
            options.LineRate = new LineRateOptions { ReplyDelay = replyDelay };
        }

        if (controlPort is < 0 or > 65535)
        {
            throw new FormatException("--control-port must be within 0..65535");
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }

        return new SimulatorCommandLine(options, controlPort);
    }

    private static FaultDefinition Fault(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 4 || !FaultKinds.TryParse(parts[1], out var kind))
        {
            throw new FormatException($"--fault \"{text}\": expected ROLE:KIND[:PARAMETER[:COUNT]] with KIND one of {FaultKinds.Known}");
        }

        return new FaultDefinition(parts[0], kind, parts.Length > 2 ? Number("--fault", parts[2]) : 0, parts.Length > 3 ? (int)Integer("--fault", parts[3]) : 0);
    }

    private static double Number(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : throw new FormatException($"{name}: \"{text}\" is not a number");

    private static long Integer(string name, string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v is >= int.MinValue and <= int.MaxValue ? v : throw new FormatException($"{name}: \"{text}\" is not an integer");
}
