using System.Text;
using System.Text.Json;
using CableTest.Contracts.V1;
using CableTest.Presentation;
using Spectre.Console;

namespace CableTest.Cli.Output;

/// <summary>Verdict summaries (no evidence) as a table, a JSON array or CSV (RFC 4180, header row).</summary>
internal static class VerdictListWriter
{
    private static readonly string[] Columns =
        ["sequence", "evaluated_at", "sample_id", "lims_order", "run_id", "outcome", "product_spec", "operator", "tests", "content_sha256"];

    public static async Task WriteAsync(string format, IReadOnlyList<Verdict> verdicts, TextWriter stdout, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "json":
                await stdout.WriteLineAsync(Json(verdicts).AsMemory(), cancellationToken);
                break;
            case "csv":
                await stdout.WriteLineAsync(string.Join(",", Columns).AsMemory(), cancellationToken);
                foreach (var v in verdicts)
                {
                    await stdout.WriteLineAsync(string.Join(",", Row(v).Select(Csv)).AsMemory(), cancellationToken);
                }

                break;
            default:
                var console = Terminal.For(stdout);
                var table = new Table().Border(Terminal.Border(console));
                // Ids and times are what people copy: never wrapped; the free-text columns give way instead.
                string[] noWrap = ["sequence", "evaluated_at", "sample_id", "lims_order", "run_id", "outcome"];
                foreach (var c in Columns.Take(Columns.Length - 1))
                {
                    table.AddColumn(noWrap.Contains(c) ? new TableColumn(c).NoWrap() : new TableColumn(c));
                }

                foreach (var v in verdicts)
                {
                    var cells = Row(v).Take(Columns.Length - 1).Select(Markup.Escape).ToArray();
                    cells[5] = OutcomeText.Markup(v.Outcome);
                    cells[6] = Markup.Escape(UnitText.Normalize(v.ProductSpec));
                    cells[8] = Markup.Escape(TestsSummary(v));
                    table.AddRow(cells);
                }

                console.Write(table);
                console.WriteLine($"{verdicts.Count} verdict(s)");
                break;
        }
    }

    private static string[] Row(Verdict v) =>
    [
        v.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Time(v),
        v.SampleId,
        v.LimsOrder,
        v.RunId,
        OutcomeText.Key(v.Outcome),
        v.ProductSpec,
        v.OperatorName,
        string.Join(" ", v.Tests.Select(t => $"{OutcomeText.Kind(t.Kind)}[{t.Core}]={OutcomeText.Key(t.Outcome)}")),
        v.ContentSha256,
    ];

    /// <summary>"3: 2 pass, 1 error" (the table's short form; csv and json list every test).</summary>
    private static string TestsSummary(Verdict v) =>
        v.Tests.Count + ": " + string.Join(", ", v.Tests.GroupBy(t => t.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {OutcomeText.Name(g.Key)}"));

    private static string Time(Verdict v) =>
        v.EvaluatedAt is null ? "" : v.EvaluatedAt.ToDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Json(IReadOnlyList<Verdict> verdicts)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var v in verdicts)
            {
                json.WriteStartObject();
                json.WriteNumber("sequence", v.Sequence);
                json.WriteString("evaluated_at", Time(v));
                json.WriteString("sample_id", v.SampleId);
                json.WriteString("lims_order", v.LimsOrder);
                json.WriteString("run_id", v.RunId);
                json.WriteString("verdict_id", v.VerdictId);
                json.WriteString("outcome", OutcomeText.Key(v.Outcome));
                json.WriteString("product_spec", v.ProductSpec);
                json.WriteString("operator", v.OperatorName);
                json.WriteString("content_sha256", v.ContentSha256);
                json.WriteStartArray("tests");
                foreach (var t in v.Tests)
                {
                    var (measured, limit) = TestValues.Of(t);
                    json.WriteStartObject();
                    json.WriteString("kind", OutcomeText.Kind(t.Kind));
                    json.WriteString("core", t.Core);
                    json.WriteString("outcome", OutcomeText.Key(t.Outcome));
                    json.WriteString("measured", measured);
                    json.WriteString("limit", limit);
                    json.WriteString("reason_code", t.ReasonCode);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
