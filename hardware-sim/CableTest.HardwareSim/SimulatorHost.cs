using System.Runtime.InteropServices;
using CableTest.HardwareSim.Control;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CableTest.HardwareSim;

/// <summary>The program: start the bench, serve SimulatorControl on loopback, print the manifest, run until SIGINT/SIGTERM.</summary>
internal static class SimulatorHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        SimulatorCommandLine command;
        try
        {
            command = SimulatorCommandLine.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + SimulatorCommandLine.Usage).ConfigureAwait(false);
            return 2;
        }

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        var logger = loggers.CreateLogger("CableTest.HardwareSim");
        command.Options.LoggerFactory = loggers;
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });

        SimulatedBench bench;
        try
        {
            bench = await SimulatedBench.StartAsync(command.Options, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or Scenarios.ScenarioLoadException or Instruments.Recording.RecordingFormatException or IOException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        await using (bench.ConfigureAwait(false))
        {
            await using var server = await SimulatorControlServer.StartAsync(bench, command.ControlPort, l => l.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning)
                .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace), stop.Token).ConfigureAwait(false);
            var control = server.Address;
            await Console.Out.WriteLineAsync(bench.Manifest(control)).ConfigureAwait(false);
            await Console.Out.FlushAsync(stop.Token).ConfigureAwait(false);
            logger.LogInformation("serving {Scenario} at {TimeScale}x; control on {Control}", bench.ScenarioName, bench.TimeScale, control);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            if (bench.Replay is { } replay)
            {
                logger.LogInformation("replay: {Answered} exchanges answered, {Remaining} not reached, {Divergences} divergences", replay.Answered, replay.Remaining, replay.Divergences.Count);
            }

        }

        return 0;
    }
}
