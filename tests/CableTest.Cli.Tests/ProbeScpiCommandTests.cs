using CableTest.Cli.Tests.Service;
using CableTest.HardwareSim;
using CableTest.Testing;

namespace CableTest.Cli.Tests;

/// <summary>`probe scpi` against the simulator's micro-ohmmeter on a real pseudo-terminal.</summary>
public sealed class ProbeScpiCommandTests : IAsyncLifetime
{
    private readonly TempDirectory dir = new("probe-scpi");
    private SimulatedBench bench = null!;

    public async Task InitializeAsync() =>
        bench = await SimulatedBench.StartAsync(new SimulatedBenchOptions { WorkDirectory = dir.Path }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await bench.DisposeAsync();
        dir.Dispose();
    }

    [Fact]
    public async Task Query_PrintsTheReply()
    {
        var (code, output, err) = await CliResult.Of("probe", "scpi", "--endpoint", bench.Endpoint("conductor_resistance_meter").Endpoint, "--query", "*IDN?");
        Assert.True(code == 0, err);
        Assert.StartsWith("CableTest,SIM-OHM-1,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeat_PrintsThePeersThroughputLine()
    {
        var (code, output, err) = await CliResult.Of("probe", "scpi", "--endpoint", bench.Endpoint("conductor_resistance_meter").Endpoint, "--query", "MEAS:RES?", "--repeat", "20");
        Assert.True(code == 0, err);
        var last = output.Trim().Split('\n')[^1];
        Assert.Matches(@"^transactions=20 seconds=\d+\.\d{3} tps=\d+ errors=0$", last);
    }

    [Fact]
    public async Task NoReply_IsCommunicationError_BadEndpointIsUsage()
    {
        var (code, _, err) = await CliResult.Of("probe", "scpi", "--endpoint", bench.Endpoint("conductor_resistance_meter").Endpoint, "--query", "NO:SUCH?", "--timeout-ms", "200");
        Assert.Equal(4, code);
        Assert.Contains("no reply", err, StringComparison.Ordinal);
        (code, _, err) = await CliResult.Of("probe", "scpi", "--endpoint", "scpi://nowhere", "--query", "*IDN?");
        Assert.Equal(1, code);
        Assert.Contains("probe scpi:", err, StringComparison.Ordinal);
    }
}
