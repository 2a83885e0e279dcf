using System.Text.Json.Nodes;
using CableTest.Domain.Evaluation;

namespace CableTest.Domain.Tests.Golden;

/// <summary>Every worked case of the golden file (copied into the repository) reproduces.</summary>
public sealed class GoldenCaseTests
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var line in GoldenCaseComparer.Lines())
        {
            data.Add(JsonNode.Parse(line)!["id"]!.GetValue<string>());
        }

        return data;
    }

    [Fact]
    public void GoldenFile_IsPresent_HasCasesOfEveryKind()
    {
        var tests = GoldenCaseComparer.Lines().Select(l => JsonNode.Parse(l)!["test"]!.GetValue<string>()).Distinct().Order().ToList();
        Assert.Equal(["conductor_resistance", "decision_rule", "insulation_resistance", "voltage_withstand"], tests);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void EvaluateLine_GoldenCase_MatchesExpected(string id)
    {
        var line = GoldenCaseComparer.Lines().Single(l => JsonNode.Parse(l)!["id"]!.GetValue<string>() == id);
        var expected = JsonNode.Parse(line)!["expected"]!.AsObject();

        var answer = CaseEvaluator.Default.EvaluateLine(line, 1);

        Assert.Equal(id, answer["id"]!.GetValue<string>());
        var result = answer["result"]!.AsObject();
        Assert.Null(GoldenCaseComparer.Difference(expected, result));
        Assert.Equal(expected.Select(p => p.Key).Order(), result.Select(p => p.Key).Where(k => expected.ContainsKey(k)).Order());
    }
}
