using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CableTest.Testing;

namespace CableTest.Service.Tests.Hosting;

/// <summary>
/// Start failures an operator can fix, on the real service process: exit code 2, ONE line on stderr
/// that names the key or the port, and no stack trace or host failure log anywhere in the output.
/// </summary>
public sealed class StartErrorTests
{
    [Theory]
    [InlineData("--Bench:Simulator:Scenario=nope", "Bench:Simulator:Scenario")]
    [InlineData("--Bench:Simulator:TimeScale=fast", "Bench:Simulator:TimeScale")]
    [InlineData("--Bench:Simulator:TimeScale=-1", "Bench:Simulator:TimeScale")]
    [InlineData("--Bench:PollInterval=soon", "Bench:PollInterval")]
    [InlineData("--Grpc:StreamBatchSize=0", "Grpc:StreamBatchSize")]
    [InlineData("--Risk:ConductorMedianRatioAbove=98", "Risk:ConductorMedianRatioAbove")]
    [InlineData("--Telemetry:Otlp:Endpoint=collector:4317", "Telemetry:Otlp:Endpoint")]
    public async Task Start_BadValue_Exit2WithOneLineNamingTheKey(string setting, string key)
    {
        using var data = new TempDirectory("svc-start");
        var result = await RunAsync("--urls", Url(FreeTcpPort.Next()), "--DataDirectory", data.Path, setting);
        result.AssertOneLine(key);
    }

    [Fact]
    public async Task Start_UnusableDataDirectory_Exit2WithOneLineNamingTheKey()
    {
        using var data = new TempDirectory("svc-start");
        var file = data.File("not-a-directory");
        await File.WriteAllTextAsync(file, "x");
        var result = await RunAsync("--urls", Url(FreeTcpPort.Next()), "--DataDirectory", Path.Combine(file, "data"));
        result.AssertOneLine("DataDirectory");
        Assert.Contains(file, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PortInUse_Exit2WithOneLineNamingThePort()
    {
        using var data = new TempDirectory("svc-start");
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var result = await RunAsync("--urls", Url(port), "--DataDirectory", data.Path);
        result.AssertOneLine("port " + port.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("--urls", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EmbeddedDefault_NoDataProtectionWarning_StopsWithExit0()
    {
        using var data = new TempDirectory("svc-start");
        var dotnet = RequiredTool.Find("dotnet", "dotnet-sdk");
        await using var process = ExternalProcess.Start(dotnet, [ServiceProcessTests.ServiceDll, "--urls", Url(FreeTcpPort.Next()), "--DataDirectory", data.Path]);
        await process.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
        Assert.DoesNotContain("DataProtection", process.Output, StringComparison.Ordinal);
        await process.StopAsync(TimeSpan.FromSeconds(20));
        Assert.True(process.HasExited && process.ExitCode == 0, process.Output);
    }

    private static string Url(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    private static async Task<Result> RunAsync(params string[] arguments)
    {
        var psi = new ProcessStartInfo(RequiredTool.Find("dotnet", "dotnet-sdk"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(ServiceProcessTests.ServiceDll);
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await output, await error);
    }

    private sealed record Result(int ExitCode, string Output, string Error)
    {
        public void AssertOneLine(string names)
        {
            var all = $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
            Assert.True(ExitCode == 2, all);
            var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(lines.Length == 1, all);
            Assert.StartsWith("cabletest-service: ", lines[0], StringComparison.Ordinal);
            Assert.Contains(names, lines[0], StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", Output + Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", Output + Error, StringComparison.Ordinal);
            Assert.DoesNotContain("fail:", Output, StringComparison.Ordinal);
            Assert.DoesNotContain("crit:", Output, StringComparison.Ordinal);
        }
    }
}
