using CableTest.Testing;

namespace CableTest.Service.Tests;

/// <summary>The service as an operator starts it: a separate process, configuration from the command line.</summary>
public sealed class ServiceProcessTests
{
    internal static string ServiceDll => Path.Combine(AppContext.BaseDirectory, "CableTest.Service.dll");

    [Theory]
    [InlineData("--Grpc:StreamBatchSize=0", "Grpc:StreamBatchSize")]
    [InlineData("--Grpc:StreamPollInterval=soon", "Grpc:StreamPollInterval")]
    [InlineData("--Store:Provider=Oracle", "Store:Provider")]
    [InlineData("--Auth:ApiKeys:0:Name=x", "Auth:ApiKeys:0")]
    public async Task Start_BadSetting_ExitCode2NamingTheKey(string setting, string key)
    {
        using var data = new TempDirectory("svc-bad");
        var dotnet = RequiredTool.Find("dotnet", "dotnet-sdk");
        await using var process = ExternalProcess.Start(dotnet,
            [ServiceDll, "--urls", $"http://127.0.0.1:{FreeTcpPort.Next()}", "--DataDirectory", data.Path, setting]);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exit == 2, $"exit {exit}:\n{process.Output}");
        Assert.Contains("configuration error", process.Output, StringComparison.Ordinal);
        Assert.Contains(key, process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EmbeddedDefault_SaysAnonymousLoopbackAndServes()
    {
        using var data = new TempDirectory("svc-default");
        var port = FreeTcpPort.Next();
        var dotnet = RequiredTool.Find("dotnet", "dotnet-sdk");
        await using var process = ExternalProcess.Start(dotnet, [ServiceDll, "--urls", $"http://127.0.0.1:{port}", "--DataDirectory", data.Path]);
        await process.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
        Assert.Contains("ALLOWED from loopback addresses only", process.Output, StringComparison.Ordinal);
        Assert.Contains("sqlite", process.Output, StringComparison.Ordinal);
        using var http = new HttpClient();
        var json = await http.GetStringAsync($"http://127.0.0.1:{port}/v1/standards");
        Assert.Contains("catalogueVersion", json, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data.Path, "cabletest.db")));
    }

    [Fact]
    public async Task Start_FirstTime_CreatesTheSigningKeyWithOneLogLine_SecondStartLoadsItSilently()
    {
        using var data = new TempDirectory("svc-key");
        var dotnet = RequiredTool.Find("dotnet", "dotnet-sdk");
        var keyPath = Path.Combine(data.Path, "keys", "bench-signing-key.pem");
        string publicKey;
        var port = FreeTcpPort.Next();
        await using (var first = ExternalProcess.Start(dotnet, [ServiceDll, "--urls", $"http://127.0.0.1:{port}", "--DataDirectory", data.Path]))
        {
            await first.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
            Assert.Single(first.Output.Split('\n'), l => l.Contains("Created the bench signing key", StringComparison.Ordinal));
            Assert.Contains(keyPath, first.Output, StringComparison.Ordinal);
            using var http = new HttpClient();
            publicKey = await http.GetStringAsync($"http://127.0.0.1:{port}/evidence/public-key.pem");
            Assert.StartsWith("-----BEGIN PUBLIC KEY-----", publicKey, StringComparison.Ordinal);
            await first.StopAsync(TimeSpan.FromSeconds(10));
        }

        Assert.True(File.Exists(keyPath));
        port = FreeTcpPort.Next();
        await using var second = ExternalProcess.Start(dotnet, [ServiceDll, "--urls", $"http://127.0.0.1:{port}", "--DataDirectory", data.Path]);
        await second.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
        Assert.DoesNotContain("Created the bench signing key", second.Output, StringComparison.Ordinal);
        using var again = new HttpClient();
        Assert.Equal(publicKey, await again.GetStringAsync($"http://127.0.0.1:{port}/evidence/public-key.pem"));
    }
}
