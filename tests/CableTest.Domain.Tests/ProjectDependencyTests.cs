using System.Xml.Linq;
using CableTest.Testing;

namespace CableTest.Domain.Tests;

/// <summary>Keeps the layer picture of README "Architecture" true: who may reference whom.</summary>
public sealed class ProjectDependencyTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["CableTest.Domain"] = [],
        ["CableTest.Protocols"] = [],
        ["CableTest.Transports"] = [],
        ["CableTest.Contracts"] = [],
        ["CableTest.Presentation"] = ["CableTest.Contracts"],
        ["CableTest.Instruments"] = ["CableTest.Domain", "CableTest.Protocols", "CableTest.Transports"],
        ["CableTest.Storage"] = ["CableTest.Domain", "CableTest.Protocols"],
        ["CableTest.Runs"] = ["CableTest.Domain", "CableTest.Protocols", "CableTest.Transports", "CableTest.Instruments"],
        ["CableTest.HardwareSim"] = ["CableTest.Domain", "CableTest.Protocols", "CableTest.Transports", "CableTest.Instruments", "CableTest.Contracts"],
        ["CableTest.Cli"] = ["CableTest.Domain", "CableTest.Protocols", "CableTest.Transports", "CableTest.Instruments", "CableTest.Storage", "CableTest.Contracts", "CableTest.Presentation", "CableTest.HardwareSim"],
        ["CableTest.Service"] = ["CableTest.Domain", "CableTest.Protocols", "CableTest.Transports", "CableTest.Instruments", "CableTest.Storage", "CableTest.Runs", "CableTest.Contracts", "CableTest.Presentation", "CableTest.HardwareSim"],
    };

    public static TheoryData<string> Projects() => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectReferences_FollowLayering(string project)
    {
        var dir = project == "CableTest.HardwareSim" ? "hardware-sim" : "src";
        var csproj = RepoPaths.InRepo(dir, project, project + ".csproj");
        var refs = XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value))
            .ToList();

        var forbidden = refs.Except(Allowed[project]).ToList();
        Assert.True(forbidden.Count == 0, $"{project} must not reference {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void OnlyTransports_ReferencesSystemIoPorts()
    {
        var offenders = Directory.EnumerateFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}artifacts{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => File.ReadAllText(p).Contains("\"System.IO.Ports\"", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n != "CableTest.Transports")
            .ToList();
        Assert.Empty(offenders);
    }
}
