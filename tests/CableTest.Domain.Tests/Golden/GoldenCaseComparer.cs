using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CableTest.Domain.Tests.Golden;

/// <summary>
/// Compares a result with a case's "expected" the way the golden README says: numbers within 1e-4
/// relative, words exactly. "detail" is prose and only has to be present and non-empty.
/// </summary>
public static class GoldenCaseComparer
{
    public const double RelativeTolerance = 1e-4;

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Golden", "cases.jsonl");

    public static IEnumerable<string> Lines() => Lines("cases.jsonl");

    /// <summary>The case lines of a worked-case file under Golden/ (blank lines skipped).</summary>
    public static IEnumerable<string> Lines(string file) =>
        File.ReadLines(System.IO.Path.Combine(AppContext.BaseDirectory, "Golden", file)).Where(l => !string.IsNullOrWhiteSpace(l));

    /// <summary>The ids of a worked-case file, as theory data.</summary>
    public static TheoryData<string> CaseIds(string file)
    {
        var data = new TheoryData<string>();
        foreach (var line in Lines(file))
        {
            data.Add(JsonNode.Parse(line)!["id"]!.GetValue<string>());
        }

        return data;
    }

    /// <summary>The line of case <paramref name="id"/> in a worked-case file.</summary>
    public static string Line(string file, string id) => Lines(file).Single(l => JsonNode.Parse(l)!["id"]!.GetValue<string>() == id);

    /// <summary>Null when <paramref name="actual"/> matches <paramref name="expected"/>, else what differs.</summary>
    public static string? Difference(JsonObject expected, JsonObject actual)
    {
        var problems = new List<string>();
        foreach (var (key, want) in expected)
        {
            var got = actual[key];
            if (key == "detail")
            {
                if (got is null || string.IsNullOrWhiteSpace(got.GetValue<string>()))
                {
                    problems.Add("detail missing");
                }

                continue;
            }

            if (!Same(want, got))
            {
                problems.Add($"{key}: expected {want?.ToJsonString() ?? "null"}, got {got?.ToJsonString() ?? "null"}");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static bool Same(JsonNode? want, JsonNode? got)
    {
        if (want is null || got is null)
        {
            return want is null && got is null;
        }

        if (want is JsonValue wv && wv.GetValueKind() == JsonValueKind.Number)
        {
            if (got is not JsonValue gv || gv.GetValueKind() != JsonValueKind.Number)
            {
                return false;
            }

            var w = double.Parse(wv.ToJsonString(), CultureInfo.InvariantCulture);
            var g = double.Parse(gv.ToJsonString(), CultureInfo.InvariantCulture);
            return w == 0 ? Math.Abs(g) < 1e-12 : Math.Abs(g - w) <= Math.Abs(w) * RelativeTolerance;
        }

        return JsonNode.DeepEquals(want, got);
    }
}
