using System.Text.Json;

namespace CableTest.Cli.Tests.Service;

/// <summary>`cabletest specs` against the real service's catalogue.</summary>
[Collection(GoodBenchCollection.Name)]
public sealed class SpecsCommandTests(GoodBenchFixture bench)
{
    [Fact]
    public async Task Specs_Table_ListsEveryIdUnbroken()
    {
        var result = await CliResult.RunAsync(["specs", "--server", bench.Service.Address]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        Assert.Matches(@"\|\s*gbt5023\.3-227iec01-bv-450/750\s*\|\s*BV\s*\|\s*450/750 V\s*\|", result.Out);
        Assert.Matches(@"\d+ product specs", result.Out);
    }

    [Fact]
    public async Task Specs_SearchAsJson_OnlyMatchingSpecs()
    {
        var result = await CliResult.RunAsync(["specs", "--server", bench.Service.Address, "--search", "bv 450/750", "--format", "json"]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        var ids = doc.RootElement.EnumerateArray().Select(s => s.GetProperty("spec_id").GetString()).ToList();
        Assert.Contains("gbt5023.3-227iec01-bv-450/750", ids);
        Assert.All(ids, id => Assert.Contains("450/750", id, StringComparison.Ordinal));
        Assert.DoesNotContain(ids, id => id!.Contains("-rv-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Specs_SearchMatchingNothing_EmptyTable()
    {
        var result = await CliResult.RunAsync(["specs", "--server", bench.Service.Address, "--search", "no-such-cable"]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        Assert.Contains("0 product specs", result.Out, StringComparison.Ordinal);
    }
}
