using CableTest.Contracts.V1;
using Grpc.Net.Client;

namespace CableTest.Cli.Tests.Service;

/// <summary>Ctrl+C (the invocation's token) during `run` aborts the run on the service before the CLI exits.</summary>
[Collection(GoodBenchCollection.Name)]
public sealed class RunInterruptTests(GoodBenchFixture bench)
{
    [Fact]
    public async Task Run_InterruptedAtPrompt_AbortsTheRun_ExitsTwo()
    {
        var buffer = new StringWriter();
        var stdout = TextWriter.Synchronized(buffer);
        using var stderr = new StringWriter();
        using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = CliApplication.RunAsync(CliResult.Bv25(bench.Service.Address, "S-CLI-INTERRUPT"), stdout, TextWriter.Synchronized(stderr), new SilentOperator(), interrupt.Token);
        while (!buffer.ToString().Contains("press Enter", StringComparison.Ordinal) && !run.IsCompleted)
        {
            await Task.Delay(50);
        }

        await interrupt.CancelAsync();
        var code = await run;

        var result = new CliResult(code, buffer.ToString(), stderr.ToString());
        Assert.True(code == ExitCodes.NoVerdict, result.ToString());
        Assert.Contains("interrupted; run " + result.RunId + " aborted", result.Err, StringComparison.Ordinal);
        using var channel = GrpcChannel.ForAddress(bench.Service.Address);
        var state = await new BenchService.BenchServiceClient(channel).GetRunAsync(new GetRunRequest { RunId = result.RunId });
        Assert.Equal(RunState.Aborted, state.State);
    }

    /// <summary>An operator who never answers.</summary>
    private sealed class SilentOperator : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }
}
