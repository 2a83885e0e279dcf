using System.Text.Json;
using CableTest.Contracts.V1;
using CableTest.Service.Grpc.Verdicts;
using Google.Protobuf;

namespace CableTest.Service.Grpc.Replay;

/// <summary>Field-by-field difference of two verdicts: every leaf of the outcome and the tests (proto3 JSON paths) that differs; when a test was measured is not compared.</summary>
internal static class VerdictDiff
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    /// <summary>
    /// The differences, and apart from them the evidence added since the original was recorded: fields absent from an
    /// original of an older evidence version that the replay states (not a different judgement).
    /// </summary>
    /// <remarks>
    /// For an older original, the decision rule's stated uncertainty (empty or 0 there: version 2 states U from the
    /// budget) and warnings the replay adds are added evidence; warnings are compared as a set per test, so an added
    /// one does not shift the others into diffs. A warning of the original the replay lacks is a diff.
    /// </remarks>
    public static (List<FieldDiff> Diffs, List<FieldDiff> Added) Compare(Verdict original, Verdict replayed)
    {
        var older = original.EvidenceVersion < VerdictDocument.CurrentEvidenceVersion;
        var a = Flatten(Parse(original, withoutWarnings: older));
        var b = Flatten(Parse(replayed, withoutWarnings: older));
        var diffs = new List<FieldDiff>();
        var added = new List<FieldDiff>();
        foreach (var path in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var left = a.GetValueOrDefault(path, "");
            var right = b.GetValueOrDefault(path, "");
            if (left != right)
            {
                var isAdded = older && (!a.ContainsKey(path) || (left is "" or "0" && StatedSinceAnOlderVersion(path)));
                (isAdded ? added : diffs).Add(new FieldDiff { Path = path, Original = left, Replayed = right });
            }
        }

        if (older)
        {
            for (var i = 0; i < Math.Max(original.Tests.Count, replayed.Tests.Count); i++)
            {
                var was = i < original.Tests.Count ? original.Tests[i].Warnings : [];
                var now = i < replayed.Tests.Count ? replayed.Tests[i].Warnings : [];
                added.AddRange(now.Except(was, StringComparer.Ordinal).Select(w => new FieldDiff { Path = $"tests[{i}].warnings[+]", Original = "", Replayed = w }));
                diffs.AddRange(was.Except(now, StringComparer.Ordinal).Select(w => new FieldDiff { Path = $"tests[{i}].warnings[-]", Original = w, Replayed = "" }));
            }
        }

        return (diffs, added);
    }

    private static bool StatedSinceAnOlderVersion(string path) =>
        path.EndsWith(".temperatureSource", StringComparison.Ordinal)
        || path.EndsWith(".decisionRule.coverageFactor", StringComparison.Ordinal)
        || path.EndsWith(".decisionRule.expandedUncertainty", StringComparison.Ordinal)
        || path.EndsWith(".decisionRule.uncertaintySource", StringComparison.Ordinal);

    private static JsonElement Parse(Verdict verdict, bool withoutWarnings)
    {
        var copy = new Verdict { Outcome = verdict.Outcome };
        copy.Tests.AddRange(verdict.Tests.Select(t =>
        {
            var c = t.Clone();
            c.MeasuredAt = null;
            if (withoutWarnings)
            {
                c.Warnings.Clear();
            }
            return c;
        }));
        using var document = JsonDocument.Parse(Json.Format(copy));
        return document.RootElement.Clone();
    }

    private static Dictionary<string, string> Flatten(JsonElement root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(root, "", result);
        return result;
    }

    private static void Flatten(JsonElement element, string path, Dictionary<string, string> result)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    Flatten(p.Value, path.Length == 0 ? p.Name : path + "." + p.Name, result);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{path}[{i++}]", result);
                }

                break;
            default:
                result[path] = element.ToString();
                break;
        }
    }
}
