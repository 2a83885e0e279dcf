using System.Globalization;
using System.Text.Json;
using CableTest.HardwareSim.Population;
using CableTest.Service.Grpc.Risk;
using CableTest.Testing;
using Npgsql;

namespace CableTest.Service.Tests.Risk;

/// <summary>
/// The shipped Grafana risk dashboard (docs/grafana/cabletest-risk.json): every panel's SQL and the manufacturer
/// variable's, with Grafana's $__from, $__to and $manufacturer put in, run against a real PostgreSQL run store that the
/// service migrated and that holds the simulated spot-check population (4 manufacturers × 40 samples, one copper-saving).
/// </summary>
public sealed class RiskGrafanaPanelsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset End = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private readonly PostgresServer postgres = new();
    private readonly IReadOnlyList<SpotCheckSample> population = SpotCheckPopulation.Generate(40, End);
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        await postgres.StartAsync();
        connectionString = await postgres.CreateDatabaseAsync("risk" + Guid.NewGuid().ToString("N"));
        await using var service = await InProcessService.StartAsync(false, "--Store:Provider=PostgreSql", $"--Store:ConnectionString={connectionString}");
        await SpotCheckSeeder.SeedAsync(service.Store, population, default);
    }

    public async Task DisposeAsync() => await postgres.DisposeAsync();

    [Fact]
    public async Task EveryPanelQuery_SeededPopulation_RowsBack_CopperSaverStandsOut()
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(RepoPaths.InRepo("docs", "grafana", "cabletest-risk.json")));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetInt32(), p => Assert.Single(p.GetProperty("targets").EnumerateArray()).GetProperty("rawSql").GetString()!);
        Assert.Equal([1, 2, 3], panels.Keys.Order());
        var variable = dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Single(v => v.GetProperty("name").GetString() == "manufacturer").GetProperty("query").GetString()!;
        var names = SpotCheckPopulation.Manufacturers.Select(m => m.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(names, (await QueryAsync(variable)).Select(r => (string)r[0]));

        // Median R20/limit per manufacturer and month: the copper-saver's every month at 0.97 or more, no other's.
        var medians = await QueryAsync(panels[1]);
        Assert.Equal(names, medians.Select(r => (string)r[1]).Distinct().Order(StringComparer.Ordinal));
        Assert.True(medians.Select(r => (DateTime)r[0]).Distinct().Count() >= 6, "six months of points");
        foreach (var row in medians)
        {
            var saver = (string)row[1] == SpotCheckPopulation.CopperSaver;
            Assert.True(saver == ((double)row[2] >= 0.97), $"{row[1]} {row[0]:yyyy-MM}: median {row[2]}");
        }

        // Failures per manufacturer and month add up to the population's failing samples.
        var failures = await QueryAsync(panels[2]);
        Assert.NotEmpty(failures);
        Assert.Equal(population.Count(s => s.ConductorFails), failures.Sum(r => (long)r[2]));
        Assert.Equal(population.Count(s => s.ConductorFails && s.Manufacturer.Name == SpotCheckPopulation.CopperSaver),
            failures.Where(r => (string)r[1] == SpotCheckPopulation.CopperSaver).Sum(r => (long)r[2]));

        // The table: one row per manufacturer, 40 samples each, the copper-saver first (highest median).
        var table = await QueryAsync(panels[3]);
        Assert.Equal(4, table.Count);
        Assert.All(table, r => Assert.Equal(40L, (long)r[1]));
        Assert.Equal(SpotCheckPopulation.CopperSaver, (string)table[0][0]);
        Assert.InRange((double)table[0][3], 0.98, 1.0);

        // Grafana's manufacturer filter: one name, only its rows.
        var one = await QueryAsync(panels[3], [SpotCheckPopulation.CopperSaver]);
        Assert.Equal(SpotCheckPopulation.CopperSaver, (string)Assert.Single(one)[0]);
    }

    private async Task<List<object[]>> QueryAsync(string sql, IReadOnlyList<string>? manufacturers = null)
    {
        var names = manufacturers ?? SpotCheckPopulation.Manufacturers.Select(m => m.Name).ToList();
        var concrete = sql.Replace("$__from", "0", StringComparison.Ordinal)
            .Replace("$__to", (End.ToUnixTimeMilliseconds() + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("$manufacturer", string.Join(", ", names.Select(n => "'" + n.Replace("'", "''", StringComparison.Ordinal) + "'")), StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(concrete, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
