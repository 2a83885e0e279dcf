namespace CableTest.HardwareSim.Scenarios;

/// <summary>The shipped scenarios (embedded data files) plus a lab's own from directories; names may not repeat.</summary>
public sealed class ScenarioLibrary
{
    private const string ResourcePrefix = "CableTest.HardwareSim.Scenarios.";
    private readonly Dictionary<string, ScenarioDefinition> scenarios;

    private ScenarioLibrary(Dictionary<string, ScenarioDefinition> scenarios) => this.scenarios = scenarios;

    /// <summary>Every scenario by name.</summary>
    public IReadOnlyCollection<ScenarioDefinition> All => scenarios.Values;

    /// <summary>The shipped scenarios.</summary>
    public static ScenarioLibrary LoadDefault() => Load([]);

    /// <summary>The shipped scenarios plus every <c>*.json</c> in <paramref name="directories"/>.</summary>
    public static ScenarioLibrary Load(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var result = new Dictionary<string, ScenarioDefinition>(StringComparer.Ordinal);
        var assembly = typeof(ScenarioLibrary).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            Add(result, ScenarioLoader.Parse(stream, "embedded:" + resource[ResourcePrefix.Length..]));
        }

        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                throw new ScenarioLoadException(directory, "directory", "scenario directory does not exist");
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                using var stream = File.OpenRead(file);
                Add(result, ScenarioLoader.Parse(stream, file));
            }
        }

        return new ScenarioLibrary(result);
    }

    /// <summary>The named scenario, or an error listing the known ones.</summary>
    public ScenarioDefinition Get(string name) =>
        scenarios.TryGetValue(name, out var scenario)
            ? scenario
            : throw new KeyNotFoundException($"no scenario \"{name}\" (known: {string.Join(", ", scenarios.Keys.Order(StringComparer.Ordinal))})");

    private static void Add(Dictionary<string, ScenarioDefinition> scenarios, ScenarioDefinition scenario)
    {
        if (!scenarios.TryAdd(scenario.Name, scenario))
        {
            throw new ScenarioLoadException(scenario.Source, "name", $"scenario \"{scenario.Name}\" is already defined in {scenarios[scenario.Name].Source}");
        }
    }
}
