using System.Text.Json.Nodes;
using CableTest.Cli.Tests.Service;
using CableTest.Testing;

namespace CableTest.Cli.Tests;

/// <summary>The evaluate command in process: stdout default, bad lines, exit codes.</summary>
public sealed class EvaluateCommandTests
{
    [Fact]
    public async Task Evaluate_NoOutputOption_WritesLinesToStdout()
    {
        var golden = Path.Combine(AppContext.BaseDirectory, "Golden", "cases.jsonl");
        var (code, output, _) = await CliResult.Of("evaluate", "--input", golden);
        Assert.Equal(ExitCodes.Ok, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(File.ReadLines(golden).Count(l => l.Length > 0), lines.Length);
        Assert.All(lines, l => Assert.IsType<JsonObject>(JsonNode.Parse(l)!["result"]));
    }

    [Fact]
    public async Task Evaluate_BadLineInTheMiddle_AnswersErrorAndEvaluatesTheRest()
    {
        using var dir = new TempDirectory("cabletest-cli");
        var input = dir.File("cases.jsonl");
        File.WriteAllLines(input,
        [
            """{"id": "a", "test": "voltage_withstand", "rated_voltage": "300/500 V", "voltage_kind": "AC", "applied_kv": 2.0, "frequency_hz": 50, "held_s": 300, "breakdown": false, "expected": {"verdict": "pass"}}""",
            """{"id": "b", "test": "voltage_withstand", "rated_voltage": """,
            "",
            """{"id": "c", "test": "conductor_resistance", "class": 2, "material": "Cu", "csa_mm2": 2.5, "length_m": 10, "temp_c": 20, "measured_ohm": 0.0742, "expected": {"verdict": "fail"}}""",
        ]);

        var (code, output, err) = await CliResult.Of("evaluate", "--input", input);

        Assert.Equal(ExitCodes.Ok, code);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["a", "b", "c"], results.Select(r => r["id"]!.GetValue<string>()));
        Assert.Equal(["pass", "error", "fail"], results.Select(r => r["result"]!["verdict"]!.GetValue<string>()));
        Assert.Contains("line 2", results[1]["result"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("3 case(s) evaluated, 1 answered with verdict error", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MissingInputOption_IsUsageError()
    {
        var (code, _, err) = await CliResult.Of("evaluate");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--input", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_UnwritableOutput_ExitsInputOutput()
    {
        var golden = Path.Combine(AppContext.BaseDirectory, "Golden", "cases.jsonl");
        var (code, _, err) = await CliResult.Of("evaluate", "--input", golden, "--output", "/nonexistent-dir/results.jsonl");
        Assert.Equal(ExitCodes.InputOutput, code);
        Assert.Contains("cannot write output", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_BrokenCatalogueDirectory_ExitsCatalogue()
    {
        using var dir = new TempDirectory("cabletest-cli");
        File.WriteAllText(dir.File("broken.json"), """{"kind": "product_specs", "specs": [ {"id": 1} ]}""");
        var golden = Path.Combine(AppContext.BaseDirectory, "Golden", "cases.jsonl");
        var (code, _, err) = await CliResult.Of("evaluate", "--input", golden, "--catalogue-dir", dir.Path);
        Assert.Equal(ExitCodes.Catalogue, code);
        Assert.Contains("broken.json", err, StringComparison.Ordinal);
    }
}
