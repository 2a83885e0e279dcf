using System.Globalization;
using System.Text.Json;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Comparison;

/// <summary>
/// Reads results imported from another lab: a JSON document of schema <c>cabletest.external-inspection/1</c>
/// (docs/reinspection.md, docs/schemas/external-inspection.schema.json). Every problem is an
/// <see cref="ExternalInspectionException"/> naming the field by its JSON path, e.g.
/// <c>results[1].unit: "mΩ/m" is not the unit of r20_ohm_per_km (Ω/km)</c>.
/// </summary>
public static class ExternalInspectionFile
{
    public const string Schema = "cabletest.external-inspection/1";
    private static readonly string[] TopFields = ["schema", "lab", "report_id", "sample_id", "inspected_on", "outcome", "results"];
    private static readonly string[] ResultFields = ["test", "core", "quantity", "value", "unit", "expanded_uncertainty", "coverage_factor", "outcome"];

    public static Inspection Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ExternalInspectionException("", $"not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ExternalInspectionException("", "must be a JSON object with schema, lab, report_id and results");
            }

            UnknownFields(root, TopFields, "");
            var schema = RequiredText(root, "schema", "");
            if (schema != Schema)
            {
                throw new ExternalInspectionException("schema", $"\"{schema}\" is not a schema this CableTest reads (use \"{Schema}\")");
            }

            var lab = RequiredText(root, "lab", "");
            var reportId = RequiredText(root, "report_id", "");
            var sampleId = OptionalText(root, "sample_id", "") ?? "";
            if (OptionalText(root, "inspected_on", "") is { } on && !DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new ExternalInspectionException("inspected_on", $"\"{on}\" is not a date yyyy-mm-dd");
            }

            var outcome = OptionalOutcome(root, "outcome", "");
            if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array || results.GetArrayLength() == 0)
            {
                throw new ExternalInspectionException("results", "required: a list of at least one result");
            }

            var list = new List<InspectedQuantity>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var item in results.EnumerateArray())
            {
                var at = $"results[{i++}]";
                var result = Result(item, at);
                if (!keys.Add(result.Key))
                {
                    throw new ExternalInspectionException(at, $"a second result for {result.Key}");
                }

                list.Add(result);
            }

            return new Inspection($"{lab} · {reportId}", sampleId, outcome, list);
        }
    }

    private static InspectedQuantity Result(JsonElement item, string at)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new ExternalInspectionException(at, "must be an object with test, core and, for a measured quantity, quantity, value, unit and expanded_uncertainty");
        }

        UnknownFields(item, ResultFields, at + ".");
        var testName = RequiredText(item, "test", at + ".");
        if (!TestKindNames.TryParse(testName, out var test))
        {
            throw new ExternalInspectionException(at + ".test", $"\"{testName}\" is not a test (one of {TestKindNames.ConductorResistance}, {TestKindNames.InsulationResistance}, {TestKindNames.VoltageWithstand})");
        }

        var core = RequiredText(item, "core", at + ".");
        var outcome = OptionalOutcome(item, "outcome", at + ".");
        var quantities = ComparedQuantities.Of(test);
        if (quantities.Count == 0)
        {
            foreach (var field in new[] { "quantity", "value", "unit", "expanded_uncertainty", "coverage_factor" })
            {
                if (item.TryGetProperty(field, out _))
                {
                    throw new ExternalInspectionException($"{at}.{field}", $"a {testName} has no measured quantity here: give its outcome only");
                }
            }

            return outcome is null
                ? throw new ExternalInspectionException(at + ".outcome", $"required for a {testName} (its verdict is what is compared)")
                : new InspectedQuantity(test, core, "", "", null, null, null, outcome);
        }

        var quantity = RequiredText(item, "quantity", at + ".");
        if (!ComparedQuantities.TryUnit(test, quantity, out var unit))
        {
            throw new ExternalInspectionException(at + ".quantity", $"\"{quantity}\" is not a quantity of {testName} (one of {string.Join(", ", quantities)})");
        }

        var value = RequiredNumber(item, "value", at + ".");
        var givenUnit = RequiredText(item, "unit", at + ".");
        if (!ComparedQuantities.IsUnitOf(quantity, givenUnit))
        {
            throw new ExternalInspectionException(at + ".unit", $"\"{givenUnit}\" is not the unit of {quantity} ({unit}): convert the value and its uncertainty to {unit}");
        }

        var u = RequiredNumber(item, "expanded_uncertainty", at + ".", what: $"the expanded uncertainty U of the value, in {unit}");
        if (u <= 0)
        {
            throw new ExternalInspectionException(at + ".expanded_uncertainty", $"must be above 0 {unit} (En needs the uncertainty of both results)");
        }

        double? k = null;
        if (item.TryGetProperty("coverage_factor", out var kElement))
        {
            k = Number(kElement, at + ".coverage_factor");
            if (k <= 0)
            {
                throw new ExternalInspectionException(at + ".coverage_factor", "must be above 0 (2 for about 95 %)");
            }
        }

        return new InspectedQuantity(test, core, quantity, unit, value, u, k, outcome);
    }

    private static void UnknownFields(JsonElement element, string[] known, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new ExternalInspectionException(prefix + property.Name, $"unknown field (known: {string.Join(", ", known)})");
            }
        }
    }

    private static string RequiredText(JsonElement element, string name, string prefix) =>
        OptionalText(element, name, prefix) ?? throw new ExternalInspectionException(prefix + name, "required");

    private static string? OptionalText(JsonElement element, string name, string prefix)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ExternalInspectionException(prefix + name, "must be a string");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return text.Length > 256 || text.Any(char.IsControl)
            ? throw new ExternalInspectionException(prefix + name, "must be one line of at most 256 characters")
            : text;
    }

    private static double RequiredNumber(JsonElement element, string name, string prefix, string? what = null)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new ExternalInspectionException(prefix + name, what is null ? "required" : $"required: {what}");
        }

        return Number(value, prefix + name);
    }

    private static double Number(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new ExternalInspectionException(field, "must be a finite number (not a string)");

    private static Outcome? OptionalOutcome(JsonElement element, string name, string prefix)
    {
        if (OptionalText(element, name, prefix) is not { } text)
        {
            return null;
        }

        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            if (outcome.ToWireName() == text)
            {
                return outcome;
            }
        }

        throw new ExternalInspectionException(prefix + name, $"\"{text}\" is not an outcome (one of {string.Join(", ", Enum.GetValues<Outcome>().Select(o => o.ToWireName()))})");
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
