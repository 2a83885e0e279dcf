namespace CableTest.Storage.Runs;

/// <summary>Which database holds runs and verdicts.</summary>
public enum StoreProvider
{
    /// <summary>A local SQLite file (one bench; the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database several benches share.</summary>
    PostgreSql,
}

/// <summary>Configuration section <c>Store</c>.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>SQLite file, created with its directory when missing (relative: under DataDirectory).</summary>
    public string SqlitePath { get; set; } = "cabletest.db";

    /// <summary>PostgreSQL connection string (Npgsql syntax), required with Provider = PostgreSql.</summary>
    public string? ConnectionString { get; set; }
}
