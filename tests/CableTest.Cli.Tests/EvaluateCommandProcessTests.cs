using System.Text.Json.Nodes;
using CableTest.Testing;

namespace CableTest.Cli.Tests;

/// <summary>Runs the real `cabletest evaluate` executable over the golden cases and compares with "expected".</summary>
public sealed class EvaluateCommandProcessTests
{
    private static string GoldenPath => Path.Combine(AppContext.BaseDirectory, "Golden", "cases.jsonl");

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "cabletest.dll");

    private static async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        Assert.True(File.Exists(CliDll), $"cabletest.dll not beside the tests: {CliDll}");
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        await using var process = ExternalProcess.Start(dotnet, [CliDll, .. args]);
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(50); // let the output pumps drain
        return (code, process.Output);
    }

    [Fact]
    public async Task Evaluate_GoldenFileToOutputFile_EveryCaseMatchesExpected()
    {
        using var dir = new TempDirectory("cabletest-cli");
        var output = dir.File("results.jsonl");

        var (code, log) = await RunCliAsync("evaluate", "--input", GoldenPath, "--output", output);

        Assert.True(code == 0, log);
        var cases = File.ReadLines(GoldenPath).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var results = File.ReadLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(cases.Count, results.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            Assert.Equal(cases[i]["id"]!.GetValue<string>(), results[i]["id"]!.GetValue<string>());
            var difference = GoldenComparison.Difference(cases[i]["expected"]!.AsObject(), results[i]["result"]!.AsObject());
            Assert.True(difference is null, $"{cases[i]["id"]}: {difference}");
        }

        Assert.Contains($"{cases.Count} case(s) evaluated", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_PublicWithstandCases_PrintTheToleranceWindowAsNumbers()
    {
        using var dir = new TempDirectory("cabletest-cli");
        var output = dir.File("results.jsonl");

        var (code, log) = await RunCliAsync("evaluate", "--input", GoldenPath, "--output", output);

        Assert.True(code == 0, log);
        var withstand = File.ReadLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).Where(r => r["id"]!.GetValue<string>().StartsWith("vt-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(withstand);
        Assert.All(withstand, r => Assert.Equal((2.425, 2.575), (r["evidence"]!["lower_kv"]!.GetValue<double>(), r["evidence"]!["upper_kv"]!.GetValue<double>())));
        Assert.Contains(withstand, r => r["evidence"]!["held_s"]!.GetValue<double>() == 240);
    }

    [Fact]
    public async Task Evaluate_BudgetCasesWithTheShippedProfiles_ReproduceTheWorkedBudgets()
    {
        var input = Path.Combine(AppContext.BaseDirectory, "Golden", "budget-cases.jsonl");
        using var dir = new TempDirectory("cabletest-cli");
        var output = dir.File("results.jsonl");

        var (code, log) = await RunCliAsync("evaluate", "--input", input, "--output", output);

        Assert.True(code == 0, log);
        var cases = File.ReadLines(input).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var results = File.ReadLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(cases.Count, results.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var id = cases[i]["id"]!.GetValue<string>();
            Assert.True(GoldenComparison.Difference(cases[i]["expected"]!.AsObject(), results[i]["result"]!.AsObject()) is null, id);
            var budgets = results[i]["evidence"]!["uncertainty"]!.AsArray().OfType<JsonObject>().ToList();
            foreach (var (quantity, numbers) in cases[i]["expected_budgets"]!.AsObject())
            {
                var budget = budgets.Single(b => b["quantity"]!.GetValue<string>() == quantity);
                var difference = GoldenComparison.Difference(numbers!.AsObject(), budget);
                Assert.True(difference is null, $"{id} {quantity}: {difference}");
                Assert.All(budget["components"]!.AsArray(), c => Assert.False(string.IsNullOrEmpty(c!["source"]!.GetValue<string>())));
            }
        }
    }

    [Fact]
    public async Task Evaluate_BreakdownAndDcAlternative_PrintedAsNumbersWithUnits()
    {
        using var dir = new TempDirectory("cabletest-cli");
        var input = dir.File("cases.jsonl");
        File.WriteAllLines(input,
        [
            """{"id": "bd", "test": "voltage_withstand", "rated_voltage": "300/500 V", "voltage_kind": "AC", "applied_kv": 2.0, "frequency_hz": 50, "held_s": 142, "breakdown": true}""",
            """{"id": "dc", "test": "voltage_withstand", "standard": "IEC 60502-1", "rated_voltage": "0.6/1 kV", "voltage_kind": "AC", "applied_kv": 3.5, "frequency_hz": 50, "held_s": 300, "breakdown": false}""",
        ]);

        var (code, output) = await RunCliAsync("evaluate", "--input", input);

        Assert.Equal(0, code);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal((142d, 2.0d), (results[0]["evidence"]!["breakdown_time_s"]!.GetValue<double>(), results[0]["evidence"]!["breakdown_kv"]!.GetValue<double>()));
        Assert.Equal(8.4, results[1]["evidence"]!["dc_alternative_kv"]!.GetValue<double>());
    }

    [Fact]
    public async Task Evaluate_UnreadableInput_ExitsNonZero()
    {
        var (code, log) = await RunCliAsync("evaluate", "--input", "/nonexistent/cases.jsonl");
        Assert.Equal(ExitCodes.InputOutput, code);
        Assert.Contains("cannot read input", log, StringComparison.Ordinal);
    }
}
