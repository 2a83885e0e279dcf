using System.Globalization;
using System.Text.Json.Nodes;
using CableTest.Storage.Runs;

namespace CableTest.Storage.Tests.Runs;

/// <summary>
/// Evidence documents shaped as the service writes them (a cabletest.v1.Verdict in proto3 JSON), so
/// the store's index columns can be checked against them.
/// </summary>
internal static class TestEvidence
{
    public static NewVerdict Verdict(string id, string run, string sample, string order, string outcome, IReadOnlyList<string> standards, DateTimeOffset evaluatedAt, string? note = null)
    {
        var tests = new JsonArray([.. standards.Select(s => (JsonNode)new JsonObject { ["reference"] = new JsonObject { ["standard"] = s } })]);
        var doc = new JsonObject
        {
            ["evaluatedAt"] = evaluatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["limsOrder"] = order,
            ["outcome"] = "OUTCOME_" + outcome.ToUpperInvariant(),
            ["runId"] = run,
            ["sampleId"] = sample,
            ["tests"] = tests,
            ["verdictId"] = id,
        };
        if (note is not null)
        {
            doc["note"] = note;
        }

        return new NewVerdict(id, run, sample, order, outcome, standards, evaluatedAt, doc.ToJsonString());
    }
}
