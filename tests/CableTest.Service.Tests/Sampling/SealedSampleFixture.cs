using CableTest.Contracts.V1;
using CableTest.Service.Tests.Runs;
using Google.Protobuf.WellKnownTypes;

namespace CableTest.Service.Tests.Sampling;

/// <summary>
/// One service (no anonymous callers) with a spot-check sample registered by the LIMS with its sealed sampling record,
/// and one completed run of it on the simulated bench: every route that can show a sample or a verdict has something to show.
/// </summary>
public sealed class SealedSampleFixture : IAsyncLifetime
{
    public const string SampleId = "SPOT-2026-0042";

    /// <summary>Words of the sealed record that must never reach a technician (ASCII, so JSON escaping cannot hide them).</summary>
    public static readonly string[] SealedWords = ["Sealwire Cable Works", "SEAL-0042-XJ", "SEALBRAND", "LOT-7781", "Inspector Qian", "Provincial SAMR", "Cold store B-12", "Hangzhou market 3"];

    public InProcessService Service { get; private set; } = null!;

    public Run Run { get; private set; } = null!;

    /// <summary>What RegisterSample answered the LIMS.</summary>
    public Sample Registered { get; private set; } = null!;

    public static SamplingRecord Record() => new()
    {
        SamplingBody = "Provincial SAMR",
        Sampler = "Inspector Qian",
        Manufacturer = "Sealwire Cable Works",
        Brand = "SEALBRAND",
        Lot = "LOT-7781",
        ProductionDate = "2026-10-15",
        SampledAtPlace = "Hangzhou market 3",
        SampledAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero)),
        SealNumber = "SEAL-0042-XJ",
        RetainedPortionLocation = "Cold store B-12",
    };

    public async Task InitializeAsync()
    {
        Service = await InProcessService.StartAsync(false, [.. RunOnSimulatedBenchTests.FastBench, "--Bench:Simulator:Scenario=good-bv-2.5"]);
        var bench = new BenchService.BenchServiceClient(Service.Channel);
        var request = RunOnSimulatedBenchTests.Bv25(SampleId);
        request.SamplingRecord = Record();
        Registered = await bench.RegisterSampleAsync(request, InProcessService.ApiKey(InProcessService.LimsKey));
        var technician = InProcessService.ApiKey(InProcessService.TechnicianKey);
        var started = await bench.StartRunAsync(new StartRunRequest { SampleId = SampleId, OperatorName = "Wang Fang" }, technician);
        Run = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, started.RunId, technician);
        Assert.True(Run.State == RunState.Completed, Run.ToString());
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}
