using System.CommandLine;
using CableTest.HardwareSim;
using CableTest.HardwareSim.Control;
using CableTest.HardwareSim.Scenarios;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest sim [--scenario NAME] [--time-scale X] [--seed N] [--dir D] [--modbus-port P] [--control-port P] [--list]`:
/// the hardware simulator in this process (the same <see cref="SimulatedBench"/> and SimulatorControl
/// API as the CableTest.HardwareSim program): prints the manifest (one JSON line: endpoints and the
/// control address) and serves until Ctrl+C. Point the service's Bench:Instruments at the endpoints.
/// </summary>
internal static class SimCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario name (see --list)", DefaultValueFactory = _ => "good-bv-2.5" };
        var timeScale = new Option<double>("--time-scale") { Description = "Instrument seconds per wall second", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Noise seed", DefaultValueFactory = _ => 1 };
        var dir = new Option<string?>("--dir") { Description = "Where the serial endpoints' symlinks go (default: TEMP/cabletest-sim)" };
        var modbusPort = new Option<int>("--modbus-port") { Description = "Withstand tester's Modbus TCP port on loopback (0: any free port)" };
        var controlPort = new Option<int>("--control-port") { Description = "SimulatorControl gRPC port on loopback (0: any free port)" };
        var scenarioDirs = new Option<string[]>("--scenario-dir") { Description = "Extra directory of scenario files (repeatable)" };
        var list = new Option<bool>("--list") { Description = "List the scenarios and exit" };
        var command = new Command("sim", "Run the hardware simulator (simulated bench instruments) in this process")
        {
            scenario, timeScale, seed, dir, modbusPort, controlPort, scenarioDirs, list,
        };
        command.SetAction(async (parse, token) =>
        {
            if (parse.GetValue(list))
            {
                return await ListAsync(parse.GetValue(scenarioDirs) ?? [], stdout, stderr);
            }

            var options = new SimulatedBenchOptions
            {
                Scenario = parse.GetValue(scenario)!,
                TimeScale = parse.GetValue(timeScale),
                Seed = parse.GetValue(seed),
                WorkDirectory = parse.GetValue(dir) ?? Path.Combine(Path.GetTempPath(), "cabletest-sim"),
                ModbusTcpPort = parse.GetValue(modbusPort),
            };
            foreach (var d in parse.GetValue(scenarioDirs) ?? [])
            {
                options.ScenarioDirectories.Add(d);
            }

            return await ServeAsync(options, parse.GetValue(controlPort), stdout, stderr, token);
        });
        return command;
    }

    private static async Task<int> ListAsync(string[] directories, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            foreach (var s in ScenarioLibrary.Load(directories).All.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                await stdout.WriteLineAsync($"{s.Name,-28} {s.Description}");
            }

            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is ScenarioLoadException or IOException)
        {
            await stderr.WriteLineAsync("cabletest sim: " + e.Message);
            return ExitCodes.InputOutput;
        }
    }

    private static async Task<int> ServeAsync(SimulatedBenchOptions options, int controlPort, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (controlPort is < 0 or > 65535)
        {
            await stderr.WriteLineAsync("cabletest sim: --control-port must be within 0..65535");
            return ExitCodes.Usage;
        }

        SimulatedBench bench;
        try
        {
            options.Validate();
            bench = await SimulatedBench.StartAsync(options, cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or ScenarioLoadException or IOException)
        {
            await stderr.WriteLineAsync("cabletest sim: " + e.Message);
            return ExitCodes.Usage;
        }

        await using (bench)
        {
            await using var server = await SimulatorControlServer.StartAsync(bench, controlPort, logging: null, cancellationToken);
            var control = server.Address;
            await stdout.WriteLineAsync(bench.Manifest(control));
            await stdout.FlushAsync(cancellationToken);
            await stderr.WriteLineAsync($"cabletest sim: serving {bench.ScenarioName} at {bench.TimeScale}x; control on {control}; Ctrl+C stops");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

        }

        return ExitCodes.Ok;
    }
}
