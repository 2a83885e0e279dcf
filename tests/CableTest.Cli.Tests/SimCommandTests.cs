using System.Text.Json;
using CableTest.Testing;

namespace CableTest.Cli.Tests;

/// <summary>`sim` starts the simulated bench in process and prints its manifest; Ctrl+C (the token) stops it.</summary>
public sealed class SimCommandTests
{
    [Fact]
    public async Task Sim_Scenario_PrintsManifestThenStopsOnCancel()
    {
        using var dir = new TempDirectory("cabletest-cli-sim");
        var buffer = new StringWriter();
        var stdout = TextWriter.Synchronized(buffer);
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sim = CliApplication.RunAsync(["sim", "--scenario", "wet-bv-2.5", "--dir", dir.Path, "--time-scale", "10"], stdout, TextWriter.Synchronized(stderr), stop.Token);

        while (!buffer.ToString().Contains('\n', StringComparison.Ordinal) && !sim.IsCompleted)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        var code = await sim;
        Assert.True(code == ExitCodes.Ok, buffer + "\n" + stderr);
        using var manifest = JsonDocument.Parse(buffer.ToString().Split('\n')[0]);
        Assert.Equal("wet-bv-2.5", manifest.RootElement.GetProperty("scenario").GetString());
        Assert.True(manifest.RootElement.GetProperty("endpoints").GetArrayLength() >= 3);
        Assert.StartsWith("http://", manifest.RootElement.GetProperty("control").GetString(), StringComparison.Ordinal);
    }
}
