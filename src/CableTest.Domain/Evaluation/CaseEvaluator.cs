using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Evaluation;

/// <summary>
/// Evaluates worked cases in the golden-file format (one JSON object a line: "id", "test" =
/// conductor_resistance | insulation_resistance | voltage_withstand | decision_rule, the inputs,
/// optionally "expected") and answers <c>{"id": ..., "result": {...}, "evidence": {...}}</c>. The result holds
/// the keys of the case's "expected" object (all computed keys when it has none); "evidence" holds every number
/// of the verdict's evidence with its unit in its key (<see cref="EvidenceJson"/>); a verdict that is not a
/// statement (error, invalid, inconclusive, retest) always carries "error" and "detail". A line
/// that cannot be read or evaluated gives verdict "error" with a message: never an exception.
/// </summary>
public sealed partial class CaseEvaluator
{
    public CaseEvaluator(VerdictEngine engine)
    {
        Engine = engine;
    }

    public VerdictEngine Engine { get; }

    public static CaseEvaluator Default { get; } = new(VerdictEngine.Default);

    /// <summary>Evaluates one line; <paramref name="lineNumber"/> (1-based) only for messages.</summary>
    public JsonObject EvaluateLine(string line, int lineNumber = 0)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException e)
        {
            return Answer(SalvageId(line), null, ErrorResult(ReasonCodes.MalformedCase, $"line {lineNumber}: not a JSON object: {e.Message}"));
        }

        if (node is not JsonObject obj)
        {
            return Answer(SalvageId(line), null, ErrorResult(ReasonCodes.MalformedCase, $"line {lineNumber}: not a JSON object"));
        }

        return EvaluateCase(obj);
    }

    /// <summary>Evaluates one parsed case object.</summary>
    public JsonObject EvaluateCase(JsonObject obj)
    {
        JsonNode? id = obj["id"]?.DeepClone();
        var expected = obj["expected"] as JsonObject;
        JsonObject full;
        try
        {
            var fields = new CaseFields(obj);
            var test = fields.OptString("test") ?? throw new CaseInputException(ReasonCodes.MalformedCase, "missing 'test'");
            full = test switch
            {
                "conductor_resistance" => ConductorResistance(fields),
                "insulation_resistance" => InsulationResistance(fields),
                "voltage_withstand" => VoltageWithstand(fields),
                "decision_rule" => DecisionRuleCase(fields),
                _ => throw new CaseInputException(ReasonCodes.MalformedCase,
                    $"unknown test '{test}' (conductor_resistance, insulation_resistance, voltage_withstand, decision_rule)"),
            };
        }
        catch (CaseInputException e)
        {
            full = ErrorResult(e.ReasonCode, e.Message);
        }
        catch (ArgumentException e)
        {
            full = ErrorResult(ReasonCodes.InvalidInput, e.Message);
        }
        catch (ArithmeticException e)
        {
            full = ErrorResult(ReasonCodes.InvalidInput, "a number is out of range: " + e.Message);
        }

        return Answer(id, expected, full);
    }

    private static JsonObject Answer(JsonNode? id, JsonObject? expected, JsonObject full)
    {
        var evidence = full[VerdictJson.EvidenceKey];
        full.Remove(VerdictJson.EvidenceKey);
        JsonObject result;
        if (expected is null)
        {
            result = full;
        }
        else
        {
            result = [];
            foreach (var (key, _) in expected)
            {
                result[key] = full[key]?.DeepClone();
            }

            var verdict = full["verdict"]?.GetValue<string>();
            if (verdict is "error" or "invalid" or "inconclusive" or "retest")
            {
                result["error"] ??= full["error"]?.DeepClone();
                result["detail"] ??= full["detail"]?.DeepClone();
            }
        }

        var answer = new JsonObject { ["id"] = id, ["result"] = result };
        if (evidence is not null)
        {
            answer[VerdictJson.EvidenceKey] = evidence;
        }

        return answer;
    }

    private static JsonObject ErrorResult(string code, string message) => new()
    {
        ["verdict"] = "error",
        ["error"] = code,
        ["detail"] = message,
    };

    private static JsonNode? SalvageId(string line)
    {
        var m = IdPattern().Match(line);
        return m.Success ? JsonValue.Create(m.Groups["id"].Value) : null;
    }

    [GeneratedRegex("\"id\"\\s*:\\s*\"(?<id>[^\"\\\\]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
