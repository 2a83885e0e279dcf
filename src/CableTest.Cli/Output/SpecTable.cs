using System.Globalization;
using System.Text;
using System.Text.Json;
using CableTest.Contracts.V1;
using CableTest.Presentation;
using Spectre.Console;

namespace CableTest.Cli.Output;

/// <summary>Product specs as a table (the id never wrapped: it is what `run --spec` takes) or a JSON array.</summary>
internal static class SpecTable
{
    public static async Task WriteAsync(string format, IReadOnlyList<ProductSpecInfo> specs, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (format == "json")
        {
            await stdout.WriteLineAsync(Json(specs).AsMemory(), cancellationToken);
            return;
        }

        var console = Terminal.For(stdout);
        var table = new Table().Border(Terminal.Border(console))
            .AddColumn(new TableColumn("spec id (--spec)").NoWrap())
            .AddColumn(new TableColumn("code").NoWrap())
            .AddColumn(new TableColumn("rated").NoWrap())
            .AddColumn("conductor")
            .AddColumn("insulation")
            .AddColumn("title");
        foreach (var spec in specs)
        {
            table.AddRow(Markup.Escape(spec.SpecId), Markup.Escape(spec.ProductCode), Markup.Escape(UnitText.Normalize(spec.RatedVoltage)),
                Markup.Escape(Conductor(spec.Conductor)), Markup.Escape(spec.Insulation), Markup.Escape(UnitText.Normalize(spec.Title)));
        }

        console.Write(table);
        console.WriteLine(specs.Count == 1 ? "1 product spec" : $"{specs.Count} product specs");
    }

    /// <summary>"class 1 Cu", "class 2 Cu tinned 2.5 mm²".</summary>
    public static string Conductor(ConductorSpec? conductor)
    {
        if (conductor is null)
        {
            return "";
        }

        var parts = new List<string>();
        if (conductor.ConductorClass != 0) parts.Add("class " + conductor.ConductorClass.ToString(CultureInfo.InvariantCulture));
        if (conductor.Material.Length > 0) parts.Add(conductor.Material);
        if (conductor.Coated) parts.Add("tinned");
        if (conductor.CrossSectionMm2 > 0) parts.Add(EngineeringNumber.Format(conductor.CrossSectionMm2) + " mm²");
        return string.Join(" ", parts);
    }

    private static string Json(IReadOnlyList<ProductSpecInfo> specs)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var spec in specs)
            {
                json.WriteStartObject();
                json.WriteString("spec_id", spec.SpecId);
                json.WriteString("product_code", spec.ProductCode);
                json.WriteString("title", spec.Title);
                json.WriteString("rated_voltage", spec.RatedVoltage);
                if (spec.Conductor is { } c)
                {
                    json.WriteNumber("conductor_class", c.ConductorClass);
                    json.WriteString("material", c.Material);
                    json.WriteBoolean("coated", c.Coated);
                }

                json.WriteString("insulation", spec.Insulation);
                json.WriteStartArray("standards");
                foreach (var standard in spec.Standards)
                {
                    json.WriteStringValue(standard);
                }

                json.WriteEndArray();
                json.WriteString("origin", spec.Origin);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
