using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CableTest.Cli.Tests;

/// <summary>Golden README rule: numbers within 1e-4 relative, words exactly; "detail" prose need only be present.</summary>
internal static class GoldenComparison
{
    public static string? Difference(JsonObject expected, JsonObject actual)
    {
        var problems = new List<string>();
        foreach (var (key, want) in expected)
        {
            var got = actual[key];
            if (key == "detail")
            {
                if (got is null)
                {
                    problems.Add("detail missing");
                }
            }
            else if (!Same(want, got))
            {
                problems.Add($"{key}: expected {want?.ToJsonString()}, got {got?.ToJsonString()}");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static bool Same(JsonNode? want, JsonNode? got)
    {
        if (want is JsonValue w && w.GetValueKind() == JsonValueKind.Number)
        {
            if (got is not JsonValue g || g.GetValueKind() != JsonValueKind.Number)
            {
                return false;
            }

            var a = double.Parse(w.ToJsonString(), CultureInfo.InvariantCulture);
            var b = double.Parse(g.ToJsonString(), CultureInfo.InvariantCulture);
            return Math.Abs(a - b) <= Math.Abs(a) * 1e-4;
        }

        return JsonNode.DeepEquals(want, got);
    }
}
