using System.Text.Json;

namespace CableTest.Cli.Tests.Service;

/// <summary>`cabletest replay` against the fixture's recorded run.</summary>
[Collection(GoodBenchCollection.Name)]
public sealed class ReplayCommandTests(GoodBenchFixture bench)
{
    [Fact]
    public async Task Replay_SameRule_FollowsTheRecordingAndKeepsTheOutcome()
    {
        var result = await CliResult.RunAsync(["replay", bench.FirstRun.RunId, "--server", bench.Service.Address]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        Assert.Contains($"Replay of run {bench.FirstRun.RunId}", result.Out, StringComparison.Ordinal);
        Assert.Contains("original pass, replayed pass", result.Out, StringComparison.Ordinal);
        Assert.Contains("Every request matched the recording.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_OtherKtMethodAsJson_DiffsTheCorrection()
    {
        var result = await CliResult.RunAsync(["replay", bench.FirstRun.RunId, "--server", bench.Service.Address, "--kt-method", "iec60228_tableB1", "--format", "json"]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        var paths = doc.RootElement.GetProperty("diffs").EnumerateArray().Select(d => d.GetProperty("path").GetString()!).ToList();
        Assert.Contains(paths, p => p.EndsWith("conductorResistance.ktMethod", StringComparison.Ordinal));
        Assert.True(long.Parse(doc.RootElement.GetProperty("exchanges").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0, result.Out); // proto JSON writes int64 as a string
    }

    [Fact]
    public async Task Replay_GuardBandRuleWithoutWidthOrUncertainty_IsRefusedByTheService()
    {
        var result = await CliResult.RunAsync(["replay", bench.FirstRun.RunId, "--server", bench.Service.Address, "--rule", "guard-band"]);

        Assert.Equal(ExitCodes.Service, result.Code);
        Assert.Matches("cabletest replay: --(uncertainty|guard-band|rule)", result.Err);
        Assert.DoesNotContain("decision_rule", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_UnknownRun_IsNotFound()
    {
        var result = await CliResult.RunAsync(["replay", "no-such-run", "--server", bench.Service.Address]);

        Assert.Equal(ExitCodes.Service, result.Code);
        Assert.Contains("NotFound", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_GuardBandWithoutRule_IsAUsageError()
    {
        var result = await CliResult.RunAsync(["replay", "R1", "--server", bench.Service.Address, "--guard-band", "0.1"]);

        Assert.Equal(ExitCodes.Usage, result.Code);
        Assert.Contains("--guard-band, --uncertainty and --coverage need --rule", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "--uncertainty must be a number (the expanded uncertainty U) or budget (got \"abc\")")]
    [InlineData("budget", "--uncertainty budget takes w = U from each result's budget: leave out --guard-band")]
    public async Task Replay_UncertaintyNotANumberOrBudgetWithGuardBand_IsAUsageErrorInItsWords(string uncertainty, string words)
    {
        var result = await CliResult.RunAsync(["replay", "R1", "--server", bench.Service.Address, "--rule", "non-binary", "--uncertainty", uncertainty, "--guard-band", "0.1"]);

        Assert.Equal(ExitCodes.Usage, result.Code);
        Assert.Contains(words, result.Err, StringComparison.Ordinal);
    }
}
