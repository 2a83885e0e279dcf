namespace CableTest.Cli.Commands;

/// <summary>What `cabletest verify` was given.</summary>
internal sealed record VerifyArguments(string? DataDir, string? Db, string? Postgres, string? Anchors = null, string? PublicKey = null);
