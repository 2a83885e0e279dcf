using System.Text.Json;

namespace CableTest.Storage.Runs;

/// <summary>
/// The margins to the limit a verdict's evidence states (a cabletest.v1.Verdict in proto3 JSON): the largest
/// tests[].conductorResistance r20OhmPerKm / limitOhmPerKm and the smallest tests[].insulationResistance compared value
/// (rLMohmKm, kiMohmKm or rhoOhmCm by criterion) / minimum. A test without a positive limit or a value gives none.
/// </summary>
internal readonly record struct VerdictMargins(double? ConductorR20Ratio, double? InsulationRatio)
{
    public static VerdictMargins Read(string evidenceJson)
    {
        try
        {
            using var document = JsonDocument.Parse(evidenceJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("tests", out var tests) || tests.ValueKind != JsonValueKind.Array)
            {
                return default;
            }

            double? conductor = null;
            double? insulation = null;
            foreach (var test in tests.EnumerateArray())
            {
                if (test.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (test.TryGetProperty("conductorResistance", out var c) && Ratio(c, "r20OhmPerKm", "limitOhmPerKm") is { } r)
                {
                    conductor = Math.Max(conductor ?? r, r);
                }

                if (test.TryGetProperty("insulationResistance", out var i) && Ratio(i, ComparedName(i), "minimum") is { } q)
                {
                    insulation = Math.Min(insulation ?? q, q);
                }
            }

            return new VerdictMargins(conductor, insulation);
        }
        catch (JsonException)
        {
            return default; // the chain check reports a document that is not JSON; margins are only statistics
        }
    }

    private static string ComparedName(JsonElement insulation) =>
        insulation.TryGetProperty("criterion", out var criterion) && criterion.ValueKind == JsonValueKind.String
            ? criterion.GetString() switch
            {
                "Ki" => "kiMohmKm",
                "rho" => "rhoOhmCm",
                _ => "rLMohmKm",
            }
            : "rLMohmKm";

    private static double? Ratio(JsonElement evidence, string valueName, string limitName) =>
        evidence.ValueKind == JsonValueKind.Object
        && Number(evidence, valueName) is { } value && Number(evidence, limitName) is { } limit && limit > 0 && value > 0
            ? value / limit
            : null;

    /// <summary>A proto3 JSON double: a number, or a string for NaN/Infinity (not finite: none).</summary>
    private static double? Number(JsonElement evidence, string name) =>
        evidence.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var number)
        && double.IsFinite(number)
            ? number
            : null;
}
