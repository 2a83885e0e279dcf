namespace CableTest.Domain.Standards.Loading;

/// <summary>One data file's bytes: <paramref name="Name"/> for messages, <paramref name="Origin"/> "shipped" or the lab directory.</summary>
internal sealed record CatalogueFile(string Name, string Origin, byte[] Content);
