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

    /// <summary>A verdict whose tests carry margins: conductor R20 and limit per core, one insulation R_L with its minimum.</summary>
    public static NewVerdict WithMargins(string id, string sample, string outcome, DateTimeOffset evaluatedAt, (double R20, double Limit)[] conductors,
        (double RL, double Minimum)? insulation)
    {
        var tests = new JsonArray();
        foreach (var (r20, limit) in conductors)
        {
            tests.Add(new JsonObject
            {
                ["kind"] = "TEST_KIND_CONDUCTOR_RESISTANCE",
                ["reference"] = new JsonObject { ["standard"] = "IEC 60228:2004 / GB/T 3956-2008" },
                ["conductorResistance"] = new JsonObject { ["r20OhmPerKm"] = r20, ["limitOhmPerKm"] = limit },
            });
        }

        if (insulation is var (rl, minimum))
        {
            tests.Add(new JsonObject
            {
                ["kind"] = "TEST_KIND_INSULATION_RESISTANCE",
                ["reference"] = new JsonObject { ["standard"] = "IEC 60227" },
                ["insulationResistance"] = new JsonObject { ["criterion"] = "R_L", ["rLMohmKm"] = rl, ["minimum"] = minimum, ["minimumUnit"] = "MOhm.km" },
            });
        }

        var standards = insulation is null ? new[] { "IEC 60228:2004 / GB/T 3956-2008" } : ["IEC 60228:2004 / GB/T 3956-2008", "IEC 60227"];
        var doc = new JsonObject
        {
            ["evaluatedAt"] = evaluatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["limsOrder"] = "L-1",
            ["outcome"] = "OUTCOME_" + outcome.ToUpperInvariant(),
            ["runId"] = "run-" + id,
            ["sampleId"] = sample,
            ["tests"] = conductors.Length == 0 && insulation is null ? new JsonArray() : tests,
            ["verdictId"] = id,
        };
        return new NewVerdict(id, "run-" + id, sample, "L-1", outcome, conductors.Length == 0 && insulation is null ? [] : standards, evaluatedAt, doc.ToJsonString());
    }
}
