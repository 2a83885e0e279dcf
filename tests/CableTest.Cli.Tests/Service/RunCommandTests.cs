using CableTest.Contracts.V1;
using Grpc.Net.Client;

namespace CableTest.Cli.Tests.Service;

/// <summary>`run` against the real service on the embedded simulated bench.</summary>
[Collection(GoodBenchCollection.Name)]
public sealed class RunCommandTests(GoodBenchFixture bench)
{
    [Fact]
    public void Run_YesOnGoodSample_ExitsZeroWithVerdictTable()
    {
        var run = bench.FirstRun;
        Assert.True(run.Code == ExitCodes.Ok, run.ToString());
        Assert.Contains("sample S-CLI-GOOD registered", run.Out, StringComparison.Ordinal);
        Assert.Contains("acknowledged (--yes)", run.Out, StringComparison.Ordinal);
        Assert.Contains("voltage_withstand", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\|\s*conductor_resistance\s*\|\s*1\s*\|\s*pass\s*\|\s*R20 ", run.Out);
        Assert.Contains("insulation_resistance", run.Out, StringComparison.Ordinal);
        Assert.Contains("Overall: pass", run.Out, StringComparison.Ordinal);
        Assert.NotEmpty(run.RunId);
        foreach (var ascii in new[] { "MOhm", "degC", "mm2", "resistance_ohm" })
        {
            Assert.DoesNotContain(ascii, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_SameSampleIdWithOtherValues_ExitsTwoNamingTheDifference()
    {
        using var channel = GrpcChannel.ForAddress(bench.Service.Address);
        var client = new BenchService.BenchServiceClient(channel);
        await client.RegisterSampleAsync(new RegisterSampleRequest
        {
            SampleId = "S-CLI-OTHER", SpecId = "gbt5023.3-227iec01-bv-450/750", CrossSectionMm2 = 2.5, Cores = 1, LengthM = 50, ConductorClass = 1,
        });

        var result = await CliResult.RunAsync(CliResult.Bv25(bench.Service.Address, "S-CLI-OTHER", "--yes"));

        Assert.True(result.Code == ExitCodes.NoVerdict, result.ToString());
        Assert.Contains("length: registered 50, given 100", result.Err, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("no-such-spec", "cabletest run: --spec no-such-spec: no such product spec (`cabletest specs` lists them)")]
    [InlineData("gbt5023.3-227iec01-bv-450/75",
        "cabletest run: --spec gbt5023.3-227iec01-bv-450/75: no such product spec; did you mean gbt5023.3-227iec01-bv-450/750? (`cabletest specs` lists them)")]
    public async Task Run_UnknownSpec_OneLineNamingSpecWithSuggestion(string specId, string expected)
    {
        var args = CliResult.Bv25(bench.Service.Address, "S-CLI-BADSPEC", "--yes");
        args[Array.IndexOf(args, "--spec") + 1] = specId;

        var result = await CliResult.RunAsync(args);

        Assert.True(result.Code == ExitCodes.NoVerdict, result.ToString());
        Assert.Equal(expected, OneLine(result));
    }

    [Theory]
    [InlineData("--cores", "200", "cabletest run: --cores ")]
    [InlineData("--length", "200000", "cabletest run: --length")]
    public async Task Run_ServerRefusesValue_OneLineNamingTheFlag(string flag, string value, string expected)
    {
        var args = CliResult.Bv25(bench.Service.Address, "S-CLI-RANGE", "--yes");
        args[Array.IndexOf(args, flag) + 1] = value;

        var result = await CliResult.RunAsync(args);

        // The service words the rule (its input policy); the CLI names the flag, once.
        Assert.True(result.Code == ExitCodes.NoVerdict, result.ToString());
        var line = OneLine(result);
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("_m", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SpecAllowsSeveralClassesAndNoneGiven_NamesClassFlag()
    {
        var args = CliResult.Bv25(bench.Service.Address, "S-CLI-NOCLASS", "--yes").ToList();
        args.RemoveRange(args.IndexOf("--class"), 2);

        var result = await CliResult.RunAsync([.. args]);

        Assert.True(result.Code == ExitCodes.NoVerdict, result.ToString());
        var line = OneLine(result);
        Assert.StartsWith("cabletest run: --class", line, StringComparison.Ordinal);
        Assert.DoesNotContain("spec_id", line, StringComparison.Ordinal);
    }

    private static string OneLine(CliResult result) => Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
