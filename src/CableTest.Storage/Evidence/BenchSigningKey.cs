using System.Security.Cryptography;
using System.Text;

namespace CableTest.Storage.Evidence;

/// <summary>
/// The bench's own signing key: ECDSA P-256 over SHA-256, signatures in IEEE P1363 form (r ‖ s, 64 bytes). Kept as a
/// PKCS#8 PEM file (owner read/write only on Unix); created on first use. Its id is the first 16 hex digits of the
/// SHA-256 of its public key (SubjectPublicKeyInfo), the fingerprint a lab publishes (docs/storage.md, "Signed evidence").
/// </summary>
public sealed class BenchSigningKey : IDisposable
{
    private readonly ECDsa _key;

    private BenchSigningKey(ECDsa key, string path)
    {
        _key = key;
        Path = path;
        var spki = key.ExportSubjectPublicKeyInfo();
        KeyId = KeyIdOf(spki);
        PublicKeyPem = PemEncoding.WriteString("PUBLIC KEY", spki) + "\n";
    }

    /// <summary>Where the service keeps the key by default, under its data directory (<c>Evidence:SigningKeyPath</c>).</summary>
    public const string DefaultPath = "keys/bench-signing-key.pem";

    /// <summary>Where the private key is kept.</summary>
    public string Path { get; }

    /// <summary>First 16 hex digits of SHA-256(SubjectPublicKeyInfo).</summary>
    public string KeyId { get; }

    /// <summary>The public key, PEM ("PUBLIC KEY", SubjectPublicKeyInfo).</summary>
    public string PublicKeyPem { get; }

    /// <summary>Loads the key at <paramref name="path"/>, or creates it there when there is none (<paramref name="created"/> true).</summary>
    public static BenchSigningKey LoadOrCreate(string path, out bool created)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var key = ECDsa.Create();
        try
        {
            if (File.Exists(path))
            {
                key.ImportFromPem(File.ReadAllText(path));
                if (key.KeySize != 256)
                {
                    throw new CryptographicException($"{path} holds a {key.KeySize}-bit key; the bench signs with P-256");
                }

                created = false;
            }
            else
            {
                key.GenerateKey(ECCurve.NamedCurves.nistP256);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
                var pem = PemEncoding.WriteString("PRIVATE KEY", key.ExportPkcs8PrivateKey()) + "\n";
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using (var file = new FileStream(path, options))
                {
                    file.Write(Encoding.ASCII.GetBytes(pem));
                }

                created = true;
            }

            return new BenchSigningKey(key, path);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The signature of <paramref name="data"/> (IEEE P1363, 64 bytes).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The id of a public key given as SubjectPublicKeyInfo bytes.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];

    public void Dispose() => _key.Dispose();
}
