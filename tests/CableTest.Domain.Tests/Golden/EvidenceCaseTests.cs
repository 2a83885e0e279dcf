using System.Text.Json.Nodes;
using CableTest.Domain.Evaluation;

namespace CableTest.Domain.Tests.Golden;

/// <summary>
/// Worked cases of the evidence numbers (evidence-cases.jsonl): the verdict as in the golden file and, under
/// "expected_evidence", the numbers the answer's "evidence" object must state with their units (a null there means
/// the key must be absent: not computed, never 0).
/// </summary>
public sealed class EvidenceCaseTests
{
    public static TheoryData<string> CaseIds() => GoldenCaseComparer.CaseIds("evidence-cases.jsonl");

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void EvaluateLine_EvidenceCase_StatesTheNumbers(string id)
    {
        var line = GoldenCaseComparer.Line("evidence-cases.jsonl", id);
        var worked = JsonNode.Parse(line)!.AsObject();

        var answer = CaseEvaluator.Default.EvaluateLine(line, 1);

        Assert.Null(GoldenCaseComparer.Difference(worked["expected"]!.AsObject(), answer["result"]!.AsObject()));
        var evidence = Assert.IsType<JsonObject>(answer["evidence"]);
        Assert.Null(GoldenCaseComparer.Difference(worked["expected_evidence"]!.AsObject(), evidence));
    }

    [Fact]
    public void EvaluateLine_PublicGoldenCases_CarryEvidenceBesideTheResult()
    {
        foreach (var line in GoldenCaseComparer.Lines())
        {
            var answer = CaseEvaluator.Default.EvaluateLine(line, 1);
            if (JsonNode.Parse(line)!["test"]!.GetValue<string>() == "decision_rule")
            {
                Assert.Null(answer["evidence"]);
                continue;
            }

            Assert.IsType<JsonObject>(answer["evidence"]);
            Assert.Null(answer["result"]!["evidence"]);
        }
    }
}
