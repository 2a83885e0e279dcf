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
}
