using System.Globalization;
using System.Text.Json;

namespace CableTest.Domain.Standards.Loading;

/// <summary>
/// A JSON element of a data file with its location ("tables[1] (Table 2) rows[4] (csa_mm2 2.5)"),
/// so every validation error names the file and the row.
/// </summary>
internal sealed class DataNode
{
    public DataNode(DataFileContext file, string path, JsonElement element)
    {
        File = file;
        Path = path;
        Element = element;
    }

    public DataFileContext File { get; }

    public string Path { get; }

    public JsonElement Element { get; }

    public CatalogueLoadException Error(string problem) =>
        new(File.Name, Path.Length == 0 ? null : Path, problem);

    public DataNode Labelled(string label) => new(File, $"{Path} ({label})", Element);

    public bool Has(string name) =>
        Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public DataNode Child(string name) =>
        OptionalChild(name) ?? throw Error($"missing '{name}'");

    public DataNode? OptionalChild(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Error("expected an object");
        }

        return Element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? new DataNode(File, Join(name), v)
            : null;
    }

    public string Str(string name) => OptStr(name) ?? throw Error($"missing '{name}'");

    public string? OptStr(string name)
    {
        var child = OptionalChild(name);
        if (child is null)
        {
            return null;
        }

        if (child.Element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(child.Element.GetString()))
        {
            throw Error($"'{name}' must be a non-empty string");
        }

        return child.Element.GetString()!;
    }

    public decimal Dec(string name) => OptDec(name) ?? throw Error($"missing '{name}'");

    public decimal? OptDec(string name)
    {
        var child = OptionalChild(name);
        return child?.AsDecimal(name);
    }

    public decimal AsDecimal(string what)
    {
        if (Element.ValueKind != JsonValueKind.Number)
        {
            throw Error($"'{what}' must be a number");
        }

        if (Element.TryGetDecimal(out var d))
        {
            return d;
        }

        // Exponent forms such as 1e13: parse the raw text exactly.
        var raw = Element.GetRawText();
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out d)
            ? d
            : throw Error($"'{what}' ({raw}) is not a decimal number");
    }

    public int Int(string name)
    {
        var d = Dec(name);
        return d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue
            ? (int)d
            : throw Error($"'{name}' must be an integer");
    }

    public bool OptBool(string name, bool defaultValue)
    {
        var child = OptionalChild(name);
        if (child is null)
        {
            return defaultValue;
        }

        return child.Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"'{name}' must be true or false"),
        };
    }

    public IReadOnlyList<DataNode> Items(string name)
    {
        var child = Child(name);
        if (child.Element.ValueKind != JsonValueKind.Array)
        {
            throw Error($"'{name}' must be an array");
        }

        return child.Element.EnumerateArray()
            .Select((e, i) => new DataNode(File, $"{Join(name)}[{i.ToString(CultureInfo.InvariantCulture)}]", e))
            .ToList();
    }

    public IReadOnlyList<string> Strings(string name) => OptStrings(name) ?? throw Error($"missing '{name}'");

    public IReadOnlyList<string>? OptStrings(string name)
    {
        var child = OptionalChild(name);
        if (child is null)
        {
            return null;
        }

        if (child.Element.ValueKind != JsonValueKind.Array
            || child.Element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString())))
        {
            throw Error($"'{name}' must be an array of non-empty strings");
        }

        return child.Element.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>
    /// The provenance of this node: its own "tag"/"src", or those of <paramref name="inherited"/>
    /// (the row a bare number sits in). Validates the tag, that sources are named, that V2 has two.
    /// </summary>
    public Provenance Provenance(Provenance? inherited = null)
    {
        var tag = OptStr("tag");
        var src = OptStrings("src");
        if (tag is null && src is null && inherited is not null)
        {
            return inherited;
        }

        if (tag is null)
        {
            throw Error("missing source tag 'tag' (V2, V1, D or M)");
        }

        if (!Standards.Provenance.IsValidTag(tag))
        {
            throw Error($"source tag '{tag}' is not V2, V1, D, M or a '+' combination of them");
        }

        if (src is null || src.Count == 0)
        {
            throw Error("missing source ids 'src': every number names where it comes from");
        }

        foreach (var id in src)
        {
            if (!File.Sources.ContainsKey(id))
            {
                throw Error($"source id '{id}' is not listed in the file's 'sources'");
            }
        }

        if (tag.Split('+').Contains("V2") && src.Distinct(StringComparer.Ordinal).Count() < 2)
        {
            throw Error("tag V2 needs at least two sources");
        }

        return new Provenance(tag, src);
    }

    /// <summary>Footnote texts for the ids in "notes" (each must be in the file's 'footnotes').</summary>
    public IReadOnlyList<string> Notes()
    {
        var ids = OptStrings("notes");
        if (ids is null)
        {
            return [];
        }

        return ids.Select(id => File.Footnotes.TryGetValue(id, out var text)
            ? text
            : throw Error($"note '{id}' is not listed in the file's 'footnotes'")).ToList();
    }

    private string Join(string name) => Path.Length == 0 ? name : $"{Path}.{name}";
}
