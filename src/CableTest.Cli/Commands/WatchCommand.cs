using System.CommandLine;
using CableTest.Cli.Output;
using CableTest.Cli.Remote;
using CableTest.Cli.Runs;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest watch RUN_ID`: follows a run started elsewhere (progress, prompts shown, not answered)
/// and prints its verdict. Ctrl+C detaches; the run goes on. Exit codes as `run`.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var service = new ServiceOptions();
        var runId = new Argument<string>("RUN_ID") { Description = "The run to follow (full id, a unique start, or its last 6 hex digits)" };
        var verbose = VerdictsCommand.Verbose();
        var command = new Command("watch", "Follow a run until it ends and print its verdict (exit 0 pass, 1 fail, 2 no verdict)") { runId, verbose };
        service.AddTo(command);
        command.SetAction((parse, token) => RemoteCommand.RunAsync("watch", service, parse, stderr, async connection =>
        {
            var console = Terminal.For(stdout);
            IRunDisplay display = Terminal.IsInteractive(stdout) ? new LiveRunDisplay(console) : new PlainRunDisplay(stdout);
            var monitor = new RunMonitor(connection, display, answerer: null, operatorName: Environment.UserName);
            try
            {
                var id = await RunIds.ResolveAsync(connection, parse.GetRequiredValue(runId), token);
                var run = await monitor.WatchAsync(id, token);
                return await RunEnd.ReportAsync(connection, run, console, stdout, parse.GetValue(verbose), token);
            }
            catch (Exception e) when (token.IsCancellationRequested && e is OperationCanceledException or Grpc.Core.RpcException)
            {
                await stderr.WriteLineAsync("cabletest watch: detached; the run goes on");
                return ExitCodes.NoVerdict;
            }
        }, FieldFlags.RunId));
        return command;
    }
}
