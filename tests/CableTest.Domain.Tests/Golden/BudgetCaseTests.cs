using System.Text.Json.Nodes;
using CableTest.Domain.Evaluation;
using CableTest.Domain.Tests.Uncertainty;
using CableTest.Domain.Uncertainty;

namespace CableTest.Domain.Tests.Golden;

/// <summary>
/// Worked budget cases in the case-file format (budget-cases.jsonl): instruments named by profile (resolved here to
/// the worked-case rows; `cabletest evaluate` resolves them to the shipped profiles) or given inline. "expected" as in
/// the golden file; "expected_budgets": per budget quantity, the numbers its budget must state, to 1e-4.
/// </summary>
public sealed class BudgetCaseTests
{
    private static readonly CaseEvaluator Evaluator = new(CableTest.Domain.Verdicts.VerdictEngine.Default) { AccuracyResolver = Resolve };

    public static TheoryData<string> CaseIds() => GoldenCaseComparer.CaseIds("budget-cases.jsonl");

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void EvaluateLine_BudgetCase_Reproduces(string id)
    {
        var line = GoldenCaseComparer.Line("budget-cases.jsonl", id);
        var worked = JsonNode.Parse(line)!.AsObject();

        var answer = Evaluator.EvaluateLine(line, 1);

        Assert.Null(GoldenCaseComparer.Difference(worked["expected"]!.AsObject(), answer["result"]!.AsObject()));
        Assert.Null(Difference(worked["expected_budgets"]!.AsObject(), answer["evidence"]!["uncertainty"]!.AsArray()));
    }

    [Fact]
    public void EvaluateLine_ProfileNamedWithoutProfiles_SaysSo()
    {
        var line = GoldenCaseComparer.Lines("budget-cases.jsonl").First();

        var result = CaseEvaluator.Default.EvaluateLine(line, 1)["result"]!.AsObject();

        Assert.Equal("error", result["verdict"]!.GetValue<string>());
        Assert.Contains("profiles are not loaded here", result["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Null when every expected budget number is there (1e-4), else what differs; shared with the CLI's test.</summary>
    public static string? Difference(JsonObject expected, JsonArray budgets)
    {
        var problems = new List<string>();
        foreach (var (quantity, numbers) in expected)
        {
            var budget = budgets.OfType<JsonObject>().FirstOrDefault(b => b["quantity"]!.GetValue<string>() == quantity);
            if (budget is null)
            {
                problems.Add($"no budget of {quantity}");
                continue;
            }

            if (GoldenCaseComparer.Difference(numbers!.AsObject(), budget) is { } d)
            {
                problems.Add($"{quantity}: {d}");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static InstrumentAccuracy? Resolve(string profile, string quantity) => (profile, quantity) switch
    {
        ("keithley-dmm6500", "resistance_ohm") => WorkedInstruments.Dmm6500,
        ("keysight-34465a", "resistance_ohm") => WorkedInstruments.Keysight34465A,
        ("xymd02", "temperature_c") => WorkedInstruments.XyMd02,
        ("renke-rs-ws-n01", "temperature_c") => WorkedInstruments.RenkeRsWsN01,
        ("keithley-6517b", "voltage_v") => WorkedInstruments.K6517BSource,
        ("keithley-6517b", "current_a") => WorkedInstruments.K6517BAmmeter,
        ("hioki-sm7110", "voltage_v") => WorkedInstruments.Sm7110Source,
        ("hioki-sm7110", "current_a") => WorkedInstruments.Sm7110Ammeter,
        ("gwinstek-gpt9800", "voltage_v") => WorkedInstruments.Gpt9800,
        ("chroma-19032", "voltage_v") => WorkedInstruments.Chroma19032,
        _ => null,
    };
}
