using CableTest.Domain.Standards.Loading;

namespace CableTest.Domain.Standards;

/// <summary>
/// The standards catalogue: IEC 60228 conductor tables, temperature correction, insulation-resistance
/// minimums, voltage-test levels and product specifications, loaded from human-readable data files
/// (embedded in this assembly, plus a lab's own directories) and validated on load. Immutable and
/// thread-safe once loaded. Lookups never fall back to another row: a missing row is a
/// <see cref="Lookup{T}"/> with reason "no_limit_defined".
/// </summary>
public sealed partial class StandardsCatalogue
{
    private static readonly Lazy<StandardsCatalogue> Shipped = new(() => CatalogueLoader.Load(CatalogueLoader.ShippedFiles()));

    internal StandardsCatalogue(
        string version,
        IReadOnlyList<ConductorResistanceTable> conductorTables,
        TemperatureCorrection temperatureCorrection,
        InsulationMethod insulationMethod,
        TestMethodConstants method,
        IReadOnlyList<InsulationTypeTable> insulationTypes,
        IReadOnlyList<InsulationCompound> insulationCompounds,
        IReadOnlyList<VoltageTolerance> voltageTolerances,
        IReadOnlyList<VoltageTestFamily> voltageTestFamilies,
        IReadOnlyList<ProductSpec> productSpecs,
        IReadOnlyList<StandardInfo> standards)
    {
        Version = version;
        ConductorResistanceTables = conductorTables;
        TemperatureCorrection = temperatureCorrection;
        InsulationMethod = insulationMethod;
        Method = method;
        InsulationTypes = insulationTypes;
        InsulationCompounds = insulationCompounds;
        VoltageTolerances = voltageTolerances;
        VoltageTestFamilies = voltageTestFamilies;
        ProductSpecs = productSpecs;
        Standards = standards;
    }

    /// <summary>"cabletest-standards/1+sha256:&lt;16 hex&gt;": changes whenever any loaded data file changes.</summary>
    public string Version { get; }

    public IReadOnlyList<ConductorResistanceTable> ConductorResistanceTables { get; }

    public TemperatureCorrection TemperatureCorrection { get; }

    public InsulationMethod InsulationMethod { get; }

    /// <summary>The method constants of a run (GB/T 3048 and lab practice), each with its unit and source.</summary>
    public TestMethodConstants Method { get; }

    public IReadOnlyList<InsulationTypeTable> InsulationTypes { get; }

    public IReadOnlyList<InsulationCompound> InsulationCompounds { get; }

    public IReadOnlyList<VoltageTolerance> VoltageTolerances { get; }

    public IReadOnlyList<VoltageTestFamily> VoltageTestFamilies { get; }

    public IReadOnlyList<ProductSpec> ProductSpecs { get; }

    /// <summary>Every standard edition loaded, with its tables and number of unverified (M) rows.</summary>
    public IReadOnlyList<StandardInfo> Standards { get; }

    /// <summary>The shipped data files only (loaded once, cached).</summary>
    public static StandardsCatalogue LoadDefault() => Shipped.Value;

    /// <summary>
    /// The shipped files plus every *.json under each of <paramref name="extraDirectories"/> (a lab's
    /// product specs, or further editions). Throws <see cref="CatalogueLoadException"/> naming the
    /// file and row when a file is malformed, inconsistent or clashes with another.
    /// </summary>
    public static StandardsCatalogue Load(params string[] extraDirectories)
    {
        if (extraDirectories.Length == 0)
        {
            return LoadDefault();
        }

        var files = CatalogueLoader.ShippedFiles().ToList();
        foreach (var dir in extraDirectories)
        {
            files.AddRange(CatalogueLoader.DirectoryFiles(dir));
        }

        return CatalogueLoader.Load(files);
    }

    /// <summary>Loads from in-memory files (name, UTF-8 JSON), optionally on top of the shipped ones. For tests and tools.</summary>
    public static StandardsCatalogue LoadFromText(IEnumerable<KeyValuePair<string, string>> files, bool includeShipped = true)
    {
        var list = includeShipped ? CatalogueLoader.ShippedFiles().ToList() : [];
        list.AddRange(files.Select(f => new CatalogueFile(f.Key, f.Key, System.Text.Encoding.UTF8.GetBytes(f.Value))));
        return CatalogueLoader.Load(list);
    }

    /// <summary>The shipped data files as (name, text), e.g. to show or to copy as a template.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ShippedFileTexts() =>
        CatalogueLoader.ShippedFiles().Select(f => KeyValuePair.Create(f.Name, System.Text.Encoding.UTF8.GetString(f.Content))).ToList();
}
