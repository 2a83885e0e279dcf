using System.Xml.Linq;
using CableTest.Testing;

namespace CableTest.Runs.Tests;

/// <summary>The run's own library stays the model: no contracts, no gRPC, no simulator, small files.</summary>
public sealed class RunsLibraryRulesTests
{
    private static readonly string Root = RepoPaths.InRepo("src", "CableTest.Runs");

    private static IEnumerable<string> Sources() => Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories)
        .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void Sources_NeverNameContractsGrpcOrTheSimulator()
    {
        var offenders = Sources()
            .Where(p => File.ReadLines(p).Any(l => l.Contains("CableTest.Contracts", StringComparison.Ordinal)
                || l.Contains("Grpc.", StringComparison.Ordinal) || l.Contains("CableTest.HardwareSim", StringComparison.Ordinal)))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Project_ReferencesNoContractsGrpcOrSimulator()
    {
        var doc = XDocument.Load(Path.Combine(Root, "CableTest.Runs.csproj"));
        var refs = doc.Descendants("ProjectReference").Select(e => e.Attribute("Include")!.Value)
            .Concat(doc.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value))
            .ToList();
        Assert.DoesNotContain(refs, r => r.Contains("Contracts", StringComparison.Ordinal) || r.Contains("Grpc", StringComparison.Ordinal) || r.Contains("HardwareSim", StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_AreAtMost300Lines()
    {
        var long_ = Sources().Select(p => (Path.GetFileName(p), Lines: File.ReadLines(p).Count())).Where(f => f.Lines > 300).ToList();
        Assert.Empty(long_);
    }
}
