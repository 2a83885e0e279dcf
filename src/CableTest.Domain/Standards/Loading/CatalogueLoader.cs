using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;

namespace CableTest.Domain.Standards.Loading;

/// <summary>
/// Turns data files into a <see cref="StandardsCatalogue"/>: parses each, dispatches on "kind",
/// then checks what spans files (one edition per id, unique types, compounds, families and
/// product-spec ids, and that product specs point at tables and ratings that exist).
/// </summary>
internal static class CatalogueLoader
{
    public const string ResourcePrefix = "CableTest.Standards/";
    public const string SchemaVersion = "cabletest-standards/1";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    public static IReadOnlyList<CatalogueFile> ShippedFiles()
    {
        var assembly = typeof(CatalogueLoader).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new CatalogueFile(n[ResourcePrefix.Length..].Replace('\\', '/'), "shipped", ReadResource(assembly, n)))
            .ToList();
    }

    public static IReadOnlyList<CatalogueFile> DirectoryFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CatalogueLoadException(directory, null, "catalogue directory does not exist");
        }

        return Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => new CatalogueFile(p, directory, File.ReadAllBytes(p)))
            .ToList();
    }

    public static StandardsCatalogue Load(IReadOnlyList<CatalogueFile> files)
    {
        var builder = new CatalogueBuilder();
        foreach (var file in files)
        {
            ReadFile(file, builder);
        }

        return builder.Build(SchemaVersion + "+sha256:" + ContentHash(files)[..16]);
    }

    private static void ReadFile(CatalogueFile file, CatalogueBuilder builder)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.Content, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new CatalogueLoadException(file.Name, $"line {(e.LineNumber ?? 0) + 1}", "malformed JSON: " + e.Message, e);
        }

        using (document)
        {
            var bare = new DataNode(new DataFileContext(file.Name, file.Origin, new Dictionary<string, string>(), new Dictionary<string, string>()), "", document.RootElement);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw bare.Error("the file must hold one JSON object");
            }

            var context = new DataFileContext(file.Name, file.Origin, ReadMap(bare, "sources"), ReadMap(bare, "footnotes"));
            var root = new DataNode(context, "", document.RootElement);
            var kind = root.Str("kind");
            switch (kind)
            {
                case "conductor_resistance":
                    builder.Add(root, ConductorResistanceReader.Read(root));
                    break;
                case "temperature_correction":
                    builder.Set(root, TemperatureCorrectionReader.Read(root));
                    break;
                case "insulation_method":
                    builder.Set(root, InsulationMethodReader.Read(root));
                    break;
                case "test_method":
                    builder.Set(root, TestMethodReader.Read(root));
                    break;
                case "insulation_resistance_types":
                    builder.Add(root, InsulationTypesReader.Read(root));
                    break;
                case "insulation_compounds":
                    builder.Add(root, InsulationCompoundsReader.Read(root));
                    break;
                case "voltage_test_levels":
                    builder.Add(root, VoltageLevelsReader.Read(root));
                    break;
                case "product_specs":
                    builder.Add(ProductSpecsReader.Read(root));
                    break;
                default:
                    throw root.Error($"unknown kind '{kind}' (conductor_resistance, temperature_correction, insulation_method, test_method, insulation_resistance_types, insulation_compounds, voltage_test_levels, product_specs)");
            }
        }
    }

    private static Dictionary<string, string> ReadMap(DataNode root, string name)
    {
        var node = root.OptionalChild(name);
        if (node is null)
        {
            return [];
        }

        if (node.Element.ValueKind != JsonValueKind.Object)
        {
            throw root.Error($"'{name}' must be an object of id: text");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in node.Element.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.Value.GetString()))
            {
                throw node.Error($"'{p.Name}' must be a non-empty description");
            }

            map[p.Name] = p.Value.GetString()!;
        }

        return map;
    }

    private static string ContentHash(IReadOnlyList<CatalogueFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file.Name) + "\n"));
            hash.AppendData(file.Content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new CatalogueLoadException(name, null, "embedded resource missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
