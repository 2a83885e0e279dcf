using CableTest.HardwareSim.Population;
using CableTest.Service.Grpc.Risk;

namespace CableTest.Cli.Tests.Service;

/// <summary>One service with API keys for a supervisor and a technician, holding the simulated spot-check population.</summary>
public sealed class RiskPopulationHost : IAsyncLifetime
{
    public const string SupervisorKey = "supervisor-key-risk-0123456";
    public const string TechnicianKey = "technician-key-risk-0123456";

    public CliServiceHost Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Service = await CliServiceHost.StartAsync(
            "--Auth:ApiKeys:0:Name=supervision", $"--Auth:ApiKeys:0:Secret={SupervisorKey}", "--Auth:ApiKeys:0:Roles:0=supervisor",
            "--Auth:ApiKeys:1:Name=bench-pc", $"--Auth:ApiKeys:1:Secret={TechnicianKey}", "--Auth:ApiKeys:1:Roles:0=technician");
        await SpotCheckSeeder.SeedAsync(Service.Store, SpotCheckPopulation.Generate(40, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)), default);
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

/// <summary>Issue 13 item 3 at the terminal: `cabletest risk` prints the groups and the warnings; the copper-saver is warned about.</summary>
public sealed class RiskCommandTests(RiskPopulationHost fixture) : IClassFixture<RiskPopulationHost>
{
    [Fact]
    public async Task Risk_Supervisor_TablesAndTheCopperSaverWarning()
    {
        var result = await CliResult.Of("risk", "--server", fixture.Service.Address, "--api-key", RiskPopulationHost.SupervisorKey);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        Assert.Contains("By manufacturer", result.Out, StringComparison.Ordinal);
        Assert.All(SpotCheckPopulation.Manufacturers, m => Assert.Contains(m.Name, result.Out, StringComparison.Ordinal));
        var warnings = result.Out.Split('\n').Where(l => l.StartsWith("  ! ", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains($"manufacturer {SpotCheckPopulation.CopperSaver}: median conductor R20/limit over the last 30 samples", warning, StringComparison.Ordinal);
        Assert.Contains("Warnings (1):", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_ManufacturerFilterAsJson_OnlyThatManufacturer()
    {
        var result = await CliResult.Of("risk", "--manufacturer", "Huadian Cable Co.", "--format", "json", "--server", fixture.Service.Address,
            "--api-key", RiskPopulationHost.SupervisorKey);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal("Huadian Cable Co.", Assert.Single(json.RootElement.GetProperty("byManufacturer").EnumerateArray()).GetProperty("key").GetString());
        Assert.Empty(json.RootElement.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Risk_FailOnWarning_Exit1WithTheCopperSaverAnd0WithoutWarnings()
    {
        var all = await CliResult.Of("risk", "--fail-on-warning", "--server", fixture.Service.Address, "--api-key", RiskPopulationHost.SupervisorKey);
        Assert.True(all.Code == ExitCodes.Failed, all.ToString());
        Assert.Contains("Warnings (1):", all.Out, StringComparison.Ordinal);

        var other = await CliResult.Of("risk", "--fail-on-warning", "--manufacturer", "Huadian Cable Co.", "--server", fixture.Service.Address,
            "--api-key", RiskPopulationHost.SupervisorKey);
        Assert.True(other.Code == ExitCodes.Ok, other.ToString());

        // Without the flag a warning is output, not an exit code.
        var plain = await CliResult.Of("risk", "--server", fixture.Service.Address, "--api-key", RiskPopulationHost.SupervisorKey);
        Assert.True(plain.Code == ExitCodes.Ok, plain.ToString());
    }

    [Fact]
    public async Task Risk_FailOnWarningRefusedOrMistyped_Exit2NotMistakenForAWarning()
    {
        var refused = await CliResult.Of("risk", "--fail-on-warning", "--server", fixture.Service.Address, "--api-key", RiskPopulationHost.TechnicianKey);
        Assert.True(refused.Code == ExitCodes.Service, refused.ToString());

        var typo = await CliResult.Of("risk", "--fail-on-warning", "--manufactuer", "Huadian Cable Co.", "--server", fixture.Service.Address);
        Assert.True(typo.Code == ExitCodes.NoVerdict, typo.ToString());
        Assert.Contains("--manufactuer", typo.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_TechnicianKey_RefusedWithoutData()
    {
        var result = await CliResult.Of("risk", "--server", fixture.Service.Address, "--api-key", RiskPopulationHost.TechnicianKey);

        Assert.NotEqual(ExitCodes.Ok, result.Code);
        Assert.DoesNotContain(SpotCheckPopulation.CopperSaver, result.Out + result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_AnonymousLoopbackWithTheDefaultRoles_RefusedWithoutData()
    {
        var result = await CliResult.Of("risk", "--server", fixture.Service.Address);

        Assert.NotEqual(ExitCodes.Ok, result.Code);
        Assert.DoesNotContain(SpotCheckPopulation.CopperSaver, result.Out + result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_OverlongManufacturer_ErrorNamesTheFlag()
    {
        var result = await CliResult.Of("risk", "--manufacturer", new string('x', 201), "--server", fixture.Service.Address, "--api-key", RiskPopulationHost.SupervisorKey);

        Assert.NotEqual(ExitCodes.Ok, result.Code);
        Assert.Contains("--manufacturer", result.Err, StringComparison.Ordinal);
    }
}
