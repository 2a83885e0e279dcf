namespace CableTest.Storage.Tests.Runs;

public abstract partial class RunStoreBehaviour
{
    /// <summary>
    /// The service checks the chain every minute while runs append verdicts: an append during the walk is left to the
    /// next check, never reported as verdicts deleted (which refused every verdict read until a restart).
    /// </summary>
    [Fact]
    public async Task VerifyChain_WhileVerdictsAreAppended_StaysIntact()
    {
        await Store.AppendVerdictAsync(Verdict("c0"), default);
        var appending = Task.Run(async () =>
        {
            for (var i = 1; i <= 150; i++)
            {
                await Store.AppendVerdictAsync(Verdict("c" + i), default);
            }
        });

        var checks = 0;
        while (!appending.IsCompleted || checks == 0)
        {
            var result = await Store.VerifyChainAsync(default);
            Assert.True(result.Intact, $"check {checks}: {result.Detail}");
            checks++;
        }

        await appending;
        var final = await Store.VerifyChainAsync(default);
        Assert.True(final.Intact, final.Detail);
        Assert.Equal(151, final.Checkpoint!.Sequence);
    }

    [Fact]
    public async Task VerifyChain_RecordsBeyondAStillHead_AreReported()
    {
        for (var i = 1; i <= 3; i++)
        {
            await Store.AppendVerdictAsync(Verdict("h" + i), default);
        }

        await ExecuteSqlAsync("UPDATE verdict_head SET sequence = 2, chain_sha256 = (SELECT chain_sha256 FROM verdicts WHERE sequence = 2)");
        var result = await Store.VerifyChainAsync(default);
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("the chain head says the last verdict is 2", result.Detail, StringComparison.Ordinal);
    }
}
