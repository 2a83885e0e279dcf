using System.Text.Json;
using CableTest.Testing;

namespace CableTest.Service.Tests.Clients;

/// <summary>
/// Clients whose gRPC libraries nobody here wrote (Debian's python3-grpcio; npm @grpc/grpc-js with
/// @grpc/proto-loader) call the real service process: h2c prior knowledge, metadata credentials,
/// status codes and the wire format must all be what the rest of the world expects.
/// </summary>
[Collection(ServiceProcessCollection.Name)]
public sealed class ForeignClientTests(ServiceProcessFixture service)
{
    private static string ClientsDir => RepoPaths.InRepo("tests", "CableTest.Service.Tests", "Clients");

    [Fact]
    public async Task PythonGrpcio_ListGetEvaluate_AnswersAsTheContractSays()
    {
        var python = RequiredTool.FindPythonModule("grpc", "python3-grpcio");
        var lines = await RunClientAsync(python, [Path.Combine(ClientsDir, "python", "verdict_client.py")]);
        AssertAnswers(lines);
    }

    [Fact]
    public async Task NodeGrpcJs_ListGetEvaluate_AnswersAsTheContractSays()
    {
        var (node, nodeDir) = await NodeClientsAsync();

        var lines = await RunClientAsync(node, [Path.Combine(nodeDir, "verdict_client.js")]);
        AssertAnswers(lines);
    }

    [Fact]
    public async Task PythonGrpcio_RunsASampleOnTheSimulatedBench_AndPullsItsVerdict()
    {
        var python = RequiredTool.FindPythonModule("grpc", "python3-grpcio");
        var answers = await RunClientAsync(python, [Path.Combine(ClientsDir, "python", "run_sample.py")], InProcessService.TechnicianKey, "S-PY");
        AssertRunSample(answers["RunSample"]);
    }

    [Fact]
    public async Task NodeGrpcJs_RunsASampleOnTheSimulatedBench_AndPullsItsVerdict()
    {
        var (node, nodeDir) = await NodeClientsAsync();

        var answers = await RunClientAsync(node, [Path.Combine(nodeDir, "run_sample.js")], InProcessService.TechnicianKey, "S-JS");
        AssertRunSample(answers["RunSample"]);
    }

    /// <summary>node, and the client directory with its packages installed (versions pinned by package-lock.json; npm ci installs exactly those).</summary>
    private static async Task<(string Node, string Directory)> NodeClientsAsync()
    {
        var node = RequiredTool.Find("node", "nodejs");
        var nodeDir = Path.Combine(ClientsDir, "node");
        if (!Directory.Exists(Path.Combine(nodeDir, "node_modules", "@grpc", "grpc-js")))
        {
            var npm = RequiredTool.Find("npm", "npm");
            await using var install = ExternalProcess.Start(npm, ["ci", "--no-audit", "--no-fund"], nodeDir);
            var exit = await install.WaitForExitAsync(TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, $"npm ci failed ({exit}):\n{install.Output}");
        }

        return (node, nodeDir);
    }

    private static void AssertRunSample(JsonElement run)
    {
        Assert.Equal("RUN_STATE_COMPLETED", run.GetProperty("state").GetString());
        Assert.Equal("OUTCOME_PASS", run.GetProperty("outcome").GetString());
        Assert.Equal(3, run.GetProperty("tests").GetInt32());
        Assert.True(run.GetProperty("prompts").GetInt32() >= 3);
        Assert.Equal(64, run.GetProperty("content_sha256").GetString()!.Length);
    }

    private async Task<Dictionary<string, JsonElement>> RunClientAsync(string program, string[] script, string? apiKey = null, params string[] extra)
    {
        await using var client = ExternalProcess.Start(program, [.. script, service.Target, apiKey ?? InProcessService.LimsKey, service.DescriptorSetPath, .. extra]);
        var exit = await client.WaitForExitAsync(TimeSpan.FromSeconds(150));
        Assert.True(exit == 0, $"{Path.GetFileName(program)} client failed ({exit}):\n{client.Output}\nservice:\n{service.Output}");
        return client.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("call").GetString()!, e => e);
    }

    private void AssertAnswers(Dictionary<string, JsonElement> answers)
    {
        var list = answers["ListVerdicts"];
        Assert.Equal(2, list.GetProperty("count").GetInt32());
        Assert.Equal([1, 2], list.GetProperty("sequences").EnumerateArray().Select(e => e.GetInt32()));
        Assert.NotEmpty(list.GetProperty("next_page_token").GetString()!);

        var get = answers["GetVerdict"];
        Assert.Equal("V-00001", get.GetProperty("verdict_id").GetString());
        Assert.Equal(1, get.GetProperty("sequence").GetInt32());
        Assert.Equal("OUTCOME_PASS", get.GetProperty("outcome").GetString());
        Assert.Equal(service.Stored[0].ContentSha256, get.GetProperty("content_sha256").GetString());
        Assert.Equal(1, get.GetProperty("tests").GetInt32());
        Assert.True(get.GetProperty("r20_ohm_per_km").GetDouble() > 0);

        Assert.Equal("NOT_FOUND", answers["GetVerdictMissing"].GetProperty("code").GetString());

        var evaluate = answers["Evaluate"].GetProperty("verdict");
        Assert.Equal("OUTCOME_PASS", evaluate.GetProperty("outcome").GetString());
    }
}
