namespace CableTest.Cli.Tests.Service;

/// <summary>One service with the good BV 2.5 scenario and one `run --yes` done through the CLI, shared by the collection.</summary>
public sealed class GoodBenchFixture : IAsyncLifetime
{
    public CliServiceHost Service { get; private set; } = null!;

    public CliResult FirstRun { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Service = await CliServiceHost.StartAsync();
        FirstRun = await CliResult.RunAsync(CliResult.Bv25(Service.Address, "S-CLI-GOOD", "--yes"));
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GoodBenchCollection : ICollectionFixture<GoodBenchFixture>
{
    public const string Name = "good bench";
}
