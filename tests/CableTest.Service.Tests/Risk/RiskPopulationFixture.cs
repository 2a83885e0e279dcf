using CableTest.HardwareSim.Population;
using CableTest.Service.Grpc.Risk;

namespace CableTest.Service.Tests.Risk;

/// <summary>One service (no anonymous callers) holding the simulated spot-check population: 4 manufacturers × 40 samples, one copper-saving.</summary>
public sealed class RiskPopulationFixture : IAsyncLifetime
{
    public const int SamplesPerManufacturer = 40;

    public static readonly DateTimeOffset End = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    public InProcessService Service { get; private set; } = null!;

    public IReadOnlyList<SpotCheckSample> Population { get; } = SpotCheckPopulation.Generate(SamplesPerManufacturer, End);

    public async Task InitializeAsync()
    {
        Service = await InProcessService.StartAsync(false);
        await SpotCheckSeeder.SeedAsync(Service.Store, Population, default);
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}
