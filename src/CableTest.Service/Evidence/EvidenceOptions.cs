namespace CableTest.Service.Evidence;

/// <summary>Signed evidence. Section <c>Evidence</c>.</summary>
public sealed class EvidenceOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Evidence";

    /// <summary>
    /// The bench's private signing key (PKCS#8 PEM), relative to DataDirectory unless rooted; created on first start.
    /// Back it up with the store: bundles signed with it verify only against its public key (docs/storage.md, "Signed evidence").
    /// </summary>
    public string SigningKeyPath { get; set; } = CableTest.Storage.Evidence.BenchSigningKey.DefaultPath;
}
