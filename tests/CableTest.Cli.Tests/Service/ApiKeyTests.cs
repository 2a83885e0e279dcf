namespace CableTest.Cli.Tests.Service;

/// <summary>--api-key reaches the service; without it a service that refuses anonymous callers answers with a clear status.</summary>
public sealed class ApiKeyTests
{
    private const string Key = "cli-technician-key-0123456789";

    [Fact]
    public async Task VerdictsList_WithAndWithoutApiKey()
    {
        await using var service = await CliServiceHost.StartAsync("--Auth:AllowAnonymousLoopback=false",
            "--Auth:ApiKeys:0:Name=bench-pc", $"--Auth:ApiKeys:0:Secret={Key}", "--Auth:ApiKeys:0:Roles:0=technician");

        var anonymous = await CliResult.RunAsync(["verdicts", "list", "--server", service.Address]);
        var keyed = await CliResult.RunAsync(["verdicts", "list", "--server", service.Address, "--api-key", Key, "--format", "json"]);

        Assert.True(anonymous.Code == ExitCodes.Service, anonymous.ToString());
        Assert.Contains("Unauthenticated", anonymous.Err, StringComparison.Ordinal);
        Assert.True(keyed.Code == ExitCodes.Ok, keyed.ToString());
        Assert.Equal("[]", keyed.Out.Trim());
    }
}
