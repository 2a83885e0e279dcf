using System.Globalization;
using System.Text.Json;
using CableTest.Testing;

namespace CableTest.Cli.Tests.Service;

/// <summary>One service, one sample run twice through `cabletest run` (the run and its re-inspection).</summary>
public sealed class TwoRunsFixture : IAsyncLifetime
{
    public CliServiceHost Service { get; private set; } = null!;

    public string First { get; private set; } = "";

    public string Second { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Service = await CliServiceHost.StartAsync();
        var first = await CliResult.RunAsync(CliResult.Bv25(Service.Address, "S-CLI-TWICE", "--yes"));
        var second = await CliResult.RunAsync(CliResult.Bv25(Service.Address, "S-CLI-TWICE", "--yes"));
        Assert.True(first.Code == ExitCodes.Ok && second.Code == ExitCodes.Ok, first + "\n" + second);
        (First, Second) = (first.RunId, second.RunId);
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

/// <summary>
/// Issue 13 item 2 at the terminal: `cabletest compare RUN_A RUN_B` and `cabletest compare RUN_A --external FILE` print
/// per quantity both results, En and whether the verdicts agree; exit 0 when every |En| ≤ 1, 1 otherwise; a results file
/// with a wrong unit or a missing uncertainty is refused with one line naming the field (exit 2, nothing sent).
/// </summary>
public sealed class CompareCommandTests(TwoRunsFixture fixture) : IClassFixture<TwoRunsFixture>, IDisposable
{
    private readonly TempDirectory files = new("cabletest-compare");

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Compare_TwoRunsOfOneSample_PerQuantityEnAndExit0()
    {
        var result = await CliResult.Of("compare", fixture.First, fixture.Second, "--server", fixture.Service.Address);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith($"Sample S-CLI-TWICE: A = run {fixture.First} (bench ", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^conductor resistance, core 1, R20\s+A [0-9.]+ ± [0-9.]+ Ω/km  B [0-9.]+ ± [0-9.]+ Ω/km  En −?[0-9]\.[0-9]{2} consistent  verdicts agree \(pass / pass\)$", lines[1]);
        Assert.Matches(@"^insulation resistance, core 1, R·L\s+A .+ MΩ·km  B .+ MΩ·km  En −?[0-9]\.[0-9]{2} consistent", lines[2]);
        Assert.Matches(@"^voltage withstand, core all\s+A —  B —  verdicts only  verdicts agree \(pass / pass\)$", lines[3]);
        Assert.Equal("consistent: every |En| ≤ 1 (2 compared); overall verdicts agree", lines[4]);
    }

    [Fact]
    public async Task Compare_ExternalWithinAndOutsideTheUncertainties_Exit0ThenExit1()
    {
        var (r20, u) = await RunR20Async();
        // Within: lower by 0.5 U with the same U: En = 0.5 U / √(2 U²) = 0.5 / √2 = 0.35.
        var within = await CliResult.Of("compare", fixture.First, "--external", Write("within.json", r20 - (0.5 * u), u, "Ω/km"), "--server", fixture.Service.Address);
        Assert.True(within.Code == ExitCodes.Ok, within.ToString());
        Assert.Contains("En 0.35 consistent", within.Out, StringComparison.Ordinal);
        Assert.Contains("B = Zhejiang Cable QC Centre · ZJ-2026-1187 (pass)", within.Out, StringComparison.Ordinal);
        Assert.Contains("only in A", within.Out, StringComparison.Ordinal); // R·L: the other lab did not report it

        // Outside: higher by 3 U: En = −3 U / √(2 U²) = −3 / √2 = −2.12.
        var outside = await CliResult.Of("compare", fixture.First, "--external", Write("outside.json", r20 + (3 * u), u, "Ω/km"), "--server", fixture.Service.Address);
        Assert.True(outside.Code == ExitCodes.Failed, outside.ToString());
        Assert.Contains("En −2.12 NOT consistent", outside.Out, StringComparison.Ordinal);
        Assert.Contains("NOT consistent: conductor_resistance core 1 r20_ohm_per_km", outside.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mΩ/m", true, "results[0].unit: \"mΩ/m\" is not the unit of r20_ohm_per_km (Ω/km): convert the value and its uncertainty to Ω/km")]
    [InlineData("Ω/km", false, "results[0].expanded_uncertainty: required: the expanded uncertainty U of the value, in Ω/km")]
    public async Task Compare_ExternalWrongUnitOrNoUncertainty_OneLineNamingTheField(string unit, bool withUncertainty, string expected)
    {
        var path = Write("bad.json", 7.0, withUncertainty ? 0.05 : null, unit);
        var result = await CliResult.Of("compare", fixture.First, "--external", path, "--server", fixture.Service.Address);

        Assert.Equal(ExitCodes.InputOutput, result.Code);
        Assert.Equal($"cabletest compare: --external {path}: {expected}", result.Err.Trim());
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Compare_NeitherRunBNorExternal_UsageErrorInFlagWords()
    {
        var result = await CliResult.Of("compare", fixture.First, "--server", fixture.Service.Address);
        Assert.Equal(ExitCodes.NoVerdict, result.Code); // 2: a typo never reads as an inconsistent re-inspection (1)
        Assert.Contains("give RUN_B (another run of the same sample) or --external FILE (another lab's results)", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareRecord_ExternalFile_RecordedWithTheRunsSampleOnceThenRefusedInWords()
    {
        var (r20, u) = await RunR20Async();
        var path = Write("record.json", r20, u, "Ω/km");
        var result = await CliResult.Of("compare", fixture.First, "--external", path, "--record", "--server", fixture.Service.Address);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        Assert.Contains("En 0.00 consistent", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"Recorded with sample S-CLI-TWICE: Zhejiang Cable QC Centre · ZJ-2026-1187 \(inspection [0-9a-f]{32}\)", result.Out);
        var stored = Assert.Single(await fixture.Service.Store.ListExternalInspectionsAsync("S-CLI-TWICE", default));
        Assert.Equal("Zhejiang Cable QC Centre · ZJ-2026-1187", stored.Label);

        // The same lab's report again: compared, not recorded twice, and said so (exit 2: the command could not do all it was asked).
        var again = await CliResult.Of("compare", fixture.First, "--external", path, "--record", "--server", fixture.Service.Address);
        Assert.Equal(ExitCodes.Service, again.Code);
        Assert.Equal("cabletest compare: --record: sample S-CLI-TWICE has this lab's report recorded already; nothing was recorded", again.Err.Trim());
        Assert.Single(await fixture.Service.Store.ListExternalInspectionsAsync("S-CLI-TWICE", default));
    }

    [Fact]
    public async Task CompareRecord_TechnicianKey_ComparedButNotRecorded_OneLineNamingTheRoles()
    {
        const string technician = "cli-technician-key-record-0123";
        await using var service = await CliServiceHost.StartAsync("--Auth:AllowAnonymousLoopback=false",
            "--Auth:ApiKeys:0:Name=bench-pc", $"--Auth:ApiKeys:0:Secret={technician}", "--Auth:ApiKeys:0:Roles:0=technician");
        var run = await CliResult.RunAsync(CliResult.Bv25(service.Address, "S-CLI-RECORD-TECH", "--yes", "--api-key", technician));
        Assert.True(run.Code == ExitCodes.Ok, run.ToString());
        var path = Write("technician.json", 7.0, 0.05, "Ω/km");

        var result = await CliResult.Of("compare", run.RunId, "--external", path, "--record", "--server", service.Address, "--api-key", technician);

        Assert.Equal(ExitCodes.Service, result.Code);
        Assert.Contains("B = Zhejiang Cable QC Centre · ZJ-2026-1187", result.Out, StringComparison.Ordinal); // the comparison is shown
        Assert.Equal("cabletest compare: --record: this key may not record another lab's results (it needs the lims or engineer role); nothing was recorded",
            result.Err.Trim());
        Assert.Empty(await service.Store.ListExternalInspectionsAsync("S-CLI-RECORD-TECH", default));
    }

    [Fact]
    public async Task CompareRecord_WithoutExternal_UsageErrorNamingTheFlags()
    {
        var result = await CliResult.Of("compare", fixture.First, fixture.Second, "--record", "--server", fixture.Service.Address);
        Assert.Equal(ExitCodes.NoVerdict, result.Code);
        Assert.Contains("--record records another lab's results: give --external FILE", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_MissingFile_NamesTheFlag()
    {
        var result = await CliResult.Of("compare", fixture.First, "--external", "/nonexistent/results.json", "--server", fixture.Service.Address);
        Assert.Equal(ExitCodes.InputOutput, result.Code);
        Assert.Equal("cabletest compare: --external /nonexistent/results.json: no such file", result.Err.Trim());
    }

    private async Task<(double R20, double U)> RunR20Async()
    {
        var json = await CliResult.Of("compare", fixture.First, fixture.Second, "--server", fixture.Service.Address, "--format", "json");
        Assert.True(json.Code == ExitCodes.Ok, json.ToString());
        using var doc = JsonDocument.Parse(json.Out);
        var r20 = doc.RootElement.GetProperty("quantities")[0];
        Assert.Equal("r20_ohm_per_km", r20.GetProperty("quantity").GetString());
        return (r20.GetProperty("valueA").GetDouble(), r20.GetProperty("expandedUncertaintyA").GetDouble());
    }

    private string Write(string name, double r20, double? u, string unit)
    {
        var uncertainty = u is { } x ? ", \"expanded_uncertainty\": " + x.ToString("R", CultureInfo.InvariantCulture) : "";
        var path = Path.Combine(files.Path, name);
        File.WriteAllText(path, $$"""
            {
              "schema": "cabletest.external-inspection/1",
              "lab": "Zhejiang Cable QC Centre",
              "report_id": "ZJ-2026-1187",
              "outcome": "pass",
              "results": [
                { "test": "conductor_resistance", "core": "1", "quantity": "r20_ohm_per_km", "value": {{r20.ToString("R", CultureInfo.InvariantCulture)}}, "unit": "{{unit}}"{{uncertainty}}, "outcome": "pass" },
                { "test": "voltage_withstand", "core": "all", "outcome": "pass" }
              ]
            }
            """);
        return path;
    }
}
