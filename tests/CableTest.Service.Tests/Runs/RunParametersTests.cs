using CableTest.Domain.Standards;
using CableTest.Instruments.Recording;
using CableTest.Service.Bench;
using CableTest.Service.Runs;
using CableTest.Testing;

namespace CableTest.Service.Tests.Runs;

/// <summary>The run's own settings in the recording header, and back onto a copy of the options.</summary>
public sealed class RunParametersTests
{
    [Fact]
    public void Apply_RecordedParameters_CopyCarriesThemAndLeavesTheLiveOptionsAlone()
    {
        var live = new BenchOptions { ResistanceReadings = 2, Electrification = TimeSpan.FromSeconds(90), LeakageLimitMa = 20 };
        live.Instruments.Add(new InstrumentOptions { Id = "OHM-1" });
        var recorded = RunParameters.Of(live with { ResistanceReadings = 5, WithstandRamp = TimeSpan.FromMilliseconds(12_345) }, StandardsCatalogue.LoadDefault().Method)
            .ToDictionary(p => p.Key, p => p.Value);

        var replay = RunParameters.Apply(recorded, live) with { Instruments = [] };

        Assert.Equal(5, replay.ResistanceReadings);
        Assert.Equal(TimeSpan.FromMilliseconds(12_345), replay.WithstandRamp);
        Assert.Equal(TimeSpan.FromSeconds(90), replay.Electrification);
        Assert.Equal(20, replay.LeakageLimitMa);
        Assert.Equal(live.BenchId, replay.BenchId);
        Assert.Empty(replay.Instruments);
        Assert.Equal(2, live.ResistanceReadings);
        Assert.Single(live.Instruments);
        Assert.Equal(3m, recorded["method.ambient_readings"]);
        Assert.Equal(1.5m, recorded["method.resistance_range_headroom"]);
    }

    [Fact]
    public void Apply_RecordedMethodConstant_ReplacesValueKeepsUnitAndSource()
    {
        var method = StandardsCatalogue.LoadDefault().Method;
        var applied = RunParameters.Apply(new Dictionary<string, decimal> { ["method.ambient_readings"] = 5 }, method);
        Assert.Equal(5m, applied.AmbientReadings.Value);
        Assert.Equal(method.AmbientReadings.Source, applied.AmbientReadings.Source);
        Assert.Equal(method.AmbientMaxSpreadK, applied.AmbientMaxSpreadK);
    }

    [Fact]
    public void Apply_RecordingMadeByMainBeforeParameters_KeepsTheCurrentConfiguration()
    {
        var path = Directory.EnumerateFiles(RepoPaths.InRepo("tests", "fixtures", "main-1a12e46", "recordings"), "*.jsonl").Order(StringComparer.Ordinal).First();
        var recording = Recording.Load(path);
        Assert.NotEmpty(recording.Instruments);
        Assert.Empty(recording.Parameters);

        var live = new BenchOptions { ResistanceReadings = 4, PollInterval = TimeSpan.FromMilliseconds(70) };
        Assert.Equal(live, RunParameters.Apply(recording.Parameters, live));
        Assert.Equal(StandardsCatalogue.LoadDefault().Method, RunParameters.Apply(recording.Parameters, StandardsCatalogue.LoadDefault().Method));
    }
}
