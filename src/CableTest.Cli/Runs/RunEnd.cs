using CableTest.Cli.Output;
using CableTest.Cli.Remote;
using CableTest.Contracts.V1;
using CableTest.Presentation;
using Grpc.Core;
using Spectre.Console;

namespace CableTest.Cli.Runs;

/// <summary>The end of `run` and `watch`: the verdict table for a completed run, the reason otherwise, and the exit code.</summary>
internal static class RunEnd
{
    public static async Task<int> ReportAsync(ServiceConnection service, Run run, IAnsiConsole console, TextWriter stdout, bool verbose, CancellationToken cancellationToken)
    {
        if (run.State != RunState.Completed)
        {
            await stdout.WriteLineAsync($"run {run.RunId} {StepText.RunState(run.State)}: {(run.EndReason.Length > 0 ? UnitText.Normalize(run.EndReason) : "no reason given")}; no verdict");
            return ExitCodes.NoVerdict;
        }

        try
        {
            var verdict = await service.Verdicts.GetVerdictAsync(new GetVerdictRequest { RunId = run.RunId }, cancellationToken: cancellationToken);
            VerdictTable.Write(console, verdict, verbose);
            return OutcomeText.ExitCode(verdict.Outcome);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied)
        {
            await stdout.WriteLineAsync($"run {run.RunId} completed: {OutcomeText.Name(run.Outcome)} (verdict not readable: {e.Status.Detail})");
            return OutcomeText.ExitCode(run.Outcome);
        }
    }
}
