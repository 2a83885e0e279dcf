namespace CableTest.Domain.Standards;

/// <summary>One standard edition the catalogue holds, for listings (gRPC ListStandards).</summary>
public sealed record StandardInfo(string Standard, string Edition, string EditionId, string Title, IReadOnlyList<string> Tables, int UnverifiedRows, string Origin);
