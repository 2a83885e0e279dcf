namespace CableTest.Storage.Evidence;

/// <summary>The members of an evidence bundle (docs/storage.md, "Signed evidence").</summary>
public static class EvidenceMembers
{
    /// <summary>Format of the manifest.</summary>
    public const string Format = "cabletest-evidence/1";

    /// <summary>Format of the signed checkpoint, and the first line of the text it signs.</summary>
    public const string CheckpointFormat = "cabletest-checkpoint/1";

    /// <summary>First line of manifest.sig.</summary>
    public const string ManifestSignatureFormat = "cabletest-manifest-signature/1";

    /// <summary>Every member's name, size and SHA-256.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>The manifest's SHA-256 and the bench's signature over it.</summary>
    public const string ManifestSignature = "manifest.sig";

    /// <summary>The Verdict message (proto3 JSON) with its hashed evidence document, content hash and chain hashes.</summary>
    public const string Verdict = "verdict.json";

    /// <summary>The run's readings, one JSON object a line.</summary>
    public const string Readings = "readings.jsonl";

    /// <summary>The run's exchange recording (every byte on every instrument line).</summary>
    public const string Recording = "recording.jsonl";

    /// <summary>The instruments of the verdict with their calibration certificates and due dates.</summary>
    public const string Calibration = "calibration.json";

    /// <summary>The chain records from the verdict's to the checkpoint's.</summary>
    public const string Chain = "chain.json";

    /// <summary>The chain head signed by the bench.</summary>
    public const string Checkpoint = "checkpoint.json";

    /// <summary>The bench's public key (PEM).</summary>
    public const string PublicKey = "public-key.pem";
}
