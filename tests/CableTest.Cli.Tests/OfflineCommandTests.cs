using CableTest.Cli.Tests.Service;
using CableTest.Testing;

namespace CableTest.Cli.Tests;

/// <summary>Service commands without a service, and usage errors.</summary>
public sealed class OfflineCommandTests
{
    private static readonly string Nowhere = $"http://127.0.0.1:{FreeTcpPort.Next()}";

    [Theory]
    [InlineData("verdicts", "list")]
    [InlineData("watch", "some-run")]
    [InlineData("report", "some-run")]
    public async Task ServiceCommand_ServerDown_OneLineNamingTheAddress_ExitsTwo(string command, string argument)
    {
        var result = await CliResult.RunAsync([command, argument, "--server", Nowhere]);

        Assert.True(result.Code == ExitCodes.Service, result.ToString());
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot reach the CableTest service at " + Nowhere, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerDown_ExitsTwo()
    {
        var result = await CliResult.RunAsync(CliResult.Bv25(Nowhere, "S-1", "--yes"));

        Assert.True(result.Code == ExitCodes.NoVerdict, result.ToString());
        Assert.Contains("cannot reach the CableTest service", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadNumber_IsUsageErrorWithExitTwo()
    {
        var result = await CliResult.RunAsync(["run", "--sample", "S-1", "--spec", "x", "--csa", "two", "--cores", "1", "--length", "10", "--server", Nowhere]);

        Assert.Equal(ExitCodes.NoVerdict, result.Code);
        Assert.Contains("--csa", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SpecWithoutDimensions_IsUsageError()
    {
        var result = await CliResult.RunAsync(["run", "--sample", "S-1", "--spec", "x", "--server", Nowhere]);

        Assert.Equal(ExitCodes.NoVerdict, result.Code);
        Assert.Contains("--spec, --csa, --cores and --length", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verdicts", "list", "--format", "xml")]
    [InlineData("verdicts", "list", "--verdict", "great")]
    [InlineData("verdicts", "list", "--limit", "0")]
    [InlineData("verdicts", "show")]
    [InlineData("report")]
    public async Task BadArguments_AreUsageErrors(params string[] args)
    {
        var result = await CliResult.RunAsync(args);

        Assert.True(result.Code == ExitCodes.Usage, result.ToString());
        Assert.NotEmpty(result.Err);
    }

    [Theory]
    [InlineData("run", "--yes")]
    [InlineData("watch", "--server")]
    [InlineData("verdicts list", "--format")]
    [InlineData("verdicts show", "--sample")]
    [InlineData("report", "--output")]
    [InlineData("verify", "--data-dir")]
    [InlineData("sim", "--scenario")]
    public async Task Help_EveryCommand_ListsItsOptions(string command, string option)
    {
        var result = await CliResult.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Ok, result.Code);
        Assert.Contains(option, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NoStore_ExitsTwo()
    {
        using var dir = new TempDirectory("cabletest-cli-verify");

        var result = await CliResult.RunAsync(["verify", "--data-dir", dir.Path]);

        Assert.Equal(ExitCodes.NoVerdict, result.Code);
        Assert.Contains("no run store at", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sim_List_NamesTheShippedScenarios()
    {
        var result = await CliResult.RunAsync(["sim", "--list"]);

        Assert.Equal(ExitCodes.Ok, result.Code);
        Assert.Contains("undersized-bv-2.5", result.Out, StringComparison.Ordinal);
    }
}
