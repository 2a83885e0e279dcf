using CableTest.Storage;
using CableTest.Storage.Evidence;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Evidence;

/// <summary>The bench's signing key, loaded (or created, with one log line) when the service starts.</summary>
public sealed partial class BenchSigner : IDisposable
{
    private readonly Lazy<BenchSigningKey> _key;

    public BenchSigner(IOptions<EvidenceOptions> options, IConfiguration configuration, ILogger<BenchSigner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = StoragePaths.Resolve(StoragePaths.DataDirectory(configuration), options.Value.SigningKeyPath);
        _key = new Lazy<BenchSigningKey>(() =>
        {
            var key = BenchSigningKey.LoadOrCreate(path, out var created);
            if (created)
            {
                LogCreated(logger, key.Path, key.KeyId);
            }

            return key;
        });
    }

    /// <summary>The key (loaded or created on first use; the host touches it at start).</summary>
    public BenchSigningKey Key => _key.Value;

    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Dispose();
        }
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Warning, Message = "Created the bench signing key {Path} (key id {KeyId}): back it up with the store, and publish its public key (GET /evidence/public-key.pem) so that evidence bundles can be checked against it")]
    private static partial void LogCreated(ILogger logger, string path, string keyId);
}
