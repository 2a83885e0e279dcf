using System.Text;
using System.Text.RegularExpressions;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Outbox;
using CableTest.Storage.Readings;
using CableTest.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CableTest.Storage.Tests.Readings;

/// <summary>
/// docs/influx.md's schema tables against what the journal actually encodes: one reading per documented
/// measurement goes through <see cref="ReadingJournal"/>, and the line it journals (what InfluxDB gets)
/// must carry exactly the documented fields and tags, and no documented measurement may be missing.
/// </summary>
public sealed partial class InfluxDocSchemaTests
{
    private static readonly string Doc = File.ReadAllText(RepoPaths.InRepo("docs", "influx.md"));

    /// <summary>Rows of the "| measurement | fields |" table: `name` | `field`, `field` ...</summary>
    private static Dictionary<string, List<string>> DocumentedMeasurements()
    {
        var section = Doc[Doc.IndexOf("| measurement | fields", StringComparison.Ordinal)..];
        var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in section.Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            rows[Code().Match(cells[1]).Groups[1].Value] = [.. Code().Matches(cells[2]).Select(m => m.Groups[1].Value)];
        }

        return rows;
    }

    private static List<string> DocumentedTags()
    {
        var section = Doc[Doc.IndexOf("| tag | value", StringComparison.Ordinal)..];
        return [.. section.Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|')).Select(l => Code().Match(l).Groups[1].Value)];
    }

    [Fact]
    public void DocTable_NamesEveryMeasurementAndFieldOfTheSchema()
    {
        var documented = DocumentedMeasurements();
        Assert.Equal(ReadingSchema.Measurements.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        Assert.All(ReadingSchema.Measurements, m => Assert.Equal(m.Value, documented[m.Key]));
        Assert.Equal(ReadingSchema.Tags, DocumentedTags());
    }

    [Fact]
    public async Task EncodedReading_OfEachDocumentedMeasurement_CarriesExactlyTheDocumentedFieldsAndTags()
    {
        using var dir = new TempDirectory("schema");
        await using var outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir.Path }, ["influx"], TimeProvider.System, NullLogger.Instance);
        var journal = new ReadingJournal(outbox, WritePrecision.Ns);
        var documented = DocumentedMeasurements();
        var i = 0;
        foreach (var (measurement, fields) in documented)
        {
            await journal.TakeAsync(new Reading($"r{i++}", measurement, "b1", "S-1", "run1", "step", "1", "inst-1",
                DateTimeOffset.UnixEpoch.AddSeconds(i), 1.5, [.. fields.Select(f => new KeyValuePair<string, double>(f, 1.0))]), default);
        }

        var points = outbox.Read("influx", 100, 1 << 20).Select(r => LineProtocolParser.Parse(Encoding.UTF8.GetString(r.Payload.Span))).ToList();
        Assert.Equal(documented.Count, points.Count);
        foreach (var point in points)
        {
            var expected = documented[point.Measurement].Concat(DocumentedCommonFields()).Order(StringComparer.Ordinal);
            Assert.Equal(expected, point.Fields.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(DocumentedTags().Order(StringComparer.Ordinal), point.Tags.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Take_FieldNotInTheSchema_IsRefusedNamingIt()
    {
        using var dir = new TempDirectory("schema");
        await using var outbox = DurableOutbox.Open(new OutboxOptions { Directory = dir.Path }, ["influx"], TimeProvider.System, NullLogger.Instance);
        var journal = new ReadingJournal(outbox, WritePrecision.Ns);
        var e = await Assert.ThrowsAsync<LineProtocolException>(() => journal.TakeAsync(new Reading("r1", "insulation_resistance", "b1", "S-1", "run1", "ir-1", "1", "meg-1",
            DateTimeOffset.UnixEpoch, 0, [new("insulation_resistance_mohm", 1.0)]), default).AsTask());
        Assert.Contains("insulation_resistance_mohm", e.Message);
        Assert.Equal(0, outbox.GetStatus().LastSequence);
    }

    /// <summary>The fields the doc says every point has besides its values.</summary>
    private static IEnumerable<string> DocumentedCommonFields()
    {
        var sentence = Doc[Doc.IndexOf("Every point also has", StringComparison.Ordinal)..];
        sentence = sentence[..sentence.IndexOf("these tags", StringComparison.Ordinal)];
        var fields = Code().Matches(sentence).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ReadingSchema.CommonFields.Order(StringComparer.Ordinal), fields.Order(StringComparer.Ordinal));
        return fields;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
