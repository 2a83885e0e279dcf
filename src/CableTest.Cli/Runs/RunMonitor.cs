using CableTest.Cli.Remote;
using CableTest.Contracts.V1;
using Grpc.Core;

namespace CableTest.Cli.Runs;

/// <summary>
/// Follows a run through WatchRun until it ends, feeding the display and, when an answerer is given,
/// answering each pending prompt once. A broken stream is resumed (a new WatchRun starts with a
/// snapshot, so nothing is lost but readings).
/// </summary>
internal sealed class RunMonitor(ServiceConnection service, IRunDisplay display, PromptAnswerer? answerer, string operatorName)
{
    private const int MaxReconnects = 5;
    private readonly HashSet<string> answered = new(StringComparer.Ordinal);

    /// <summary>The run as it ended (or as it was when the stream ended for good).</summary>
    public async Task<Run> WatchAsync(string runId, CancellationToken cancellationToken)
    {
        var reconnects = 0;
        Run? run = null;
        while (true)
        {
            using var call = service.Bench.WatchRun(new WatchRunRequest { RunId = runId, ReadingsPerSecond = 2 }, cancellationToken: cancellationToken);
            await using var events = call.ResponseStream.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    Prompt? pending = null;
                    var ended = false;
                    await display.LiveAsync(async () =>
                    {
                        while (await events.MoveNextAsync())
                        {
                            run = Apply(events.Current, run) ?? run;
                            if (answerer is not null && PendingPrompt(run, events.Current) is { } prompt)
                            {
                                pending = prompt;
                                return;
                            }
                        }

                        ended = true;
                    });
                    if (ended)
                    {
                        break;
                    }

                    await AnswerAsync(runId, pending!, cancellationToken);
                }
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal && reconnects < MaxReconnects && run is not null)
            {
                reconnects++;
                display.Line($"watch: stream broken ({e.Status.Detail}); reconnecting ({reconnects}/{MaxReconnects})");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

            run = await service.Bench.GetRunAsync(new GetRunRequest { RunId = runId }, cancellationToken: cancellationToken);
            if (StepText.IsTerminal(run.State) || reconnects >= MaxReconnects)
            {
                display.Snapshot(run);
                return run;
            }

            reconnects++;
        }
    }

    private Run? Apply(RunEvent e, Run? run)
    {
        switch (e.EventCase)
        {
            case RunEvent.EventOneofCase.Snapshot:
                display.Snapshot(e.Snapshot);
                return e.Snapshot;
            case RunEvent.EventOneofCase.Reading:
                display.Reading(e.Reading);
                break;
            case RunEvent.EventOneofCase.Log:
                display.Log(e.Log);
                break;
        }

        return run;
    }

    private Prompt? PendingPrompt(Run? run, RunEvent e)
    {
        var prompt = e.EventCase == RunEvent.EventOneofCase.Prompt ? e.Prompt : run?.PendingPrompt;
        return prompt is not null && prompt.PromptId.Length > 0 && !answered.Contains(prompt.PromptId) && (run is null || !StepText.IsTerminal(run.State))
            ? prompt
            : null;
    }

    private async Task AnswerAsync(string runId, Prompt prompt, CancellationToken cancellationToken)
    {
        answered.Add(prompt.PromptId);
        var acknowledged = await answerer!.AskAsync(prompt, display, cancellationToken);
        try
        {
            await service.Bench.AnswerPromptAsync(new AnswerPromptRequest
            {
                RunId = runId,
                PromptId = prompt.PromptId,
                Acknowledged = acknowledged,
                OperatorName = operatorName,
            }, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound)
        {
            // Answered meanwhile (another terminal, the dashboard) or the run ended: the stream tells.
            display.Line($"prompt: {e.Status.Detail}");
        }
    }
}
