namespace CableTest.Cli.Tests.Service;

/// <summary>An undersized conductor on the simulated bench: the CLI exits 1 (fail); prompts answered from standard input.</summary>
public sealed class UndersizedRunTests
{
    [Fact]
    public async Task Run_UndersizedConductor_PromptsAnsweredFromInput_ExitsOne()
    {
        await using var service = await CliServiceHost.StartAsync("--Bench:Simulator:Scenario=undersized-bv-2.5");

        var result = await CliResult.RunAsync(CliResult.Bv25(service.Address, "S-CLI-UNDERSIZED"), input: string.Concat(Enumerable.Repeat("\n", 20)));

        Assert.True(result.Code == ExitCodes.Failed, result.ToString());
        Assert.Contains("press Enter when done", result.Out, StringComparison.Ordinal);
        // The failing row says why in words (Note column), not only "fail".
        Assert.Matches(@"\|\s*conductor_resistance\s*\|\s*1\s*\|\s*fail\s*\|[^|]*\|[^|]*\|[^|]*\|\s*[^\s|]", result.Out);
        Assert.Contains("Overall: fail", result.Out, StringComparison.Ordinal);
    }
}
