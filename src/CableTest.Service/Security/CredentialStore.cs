using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Security;

/// <summary>
/// Looks up presented secrets by their SHA-256, in constant time per candidate. The candidates' hashes are
/// computed once per configuration (again when it is reloaded), not for every request: with one key configured
/// that halved the hashing each call pays for its API key.
/// </summary>
internal sealed class CredentialStore(IOptionsMonitor<AuthOptions> options)
{
    private Candidates? current;

    public CredentialOptions? FindApiKey(string presented) => Find(Snapshot().ApiKeys, presented);

    public CredentialOptions? FindBearerToken(string presented) => Find(Snapshot().BearerTokens, presented);

    private Candidates Snapshot()
    {
        var value = options.CurrentValue;
        var held = Volatile.Read(ref current);
        if (held is not null && held.IsOf(value))
        {
            return held;
        }

        held = new Candidates(value);
        Volatile.Write(ref current, held);
        return held;
    }

    private static CredentialOptions? Find((CredentialOptions Credential, byte[] Hash)[] candidates, string presented)
    {
        Span<byte> presentedHash = stackalloc byte[32];
        var length = Encoding.UTF8.GetByteCount(presented);
        var rented = length > 256 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> utf8 = rented is null ? stackalloc byte[256] : rented;
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(presented, utf8)], presentedHash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        CredentialOptions? match = null;
        foreach (var (credential, hash) in candidates)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, hash))
            {
                match ??= credential;
            }
        }

        return match;
    }

    /// <summary>The configured credentials with their SHA-256 (of the secret, or as configured), for one configuration.</summary>
    private sealed class Candidates
    {
        private readonly AuthOptions source;
        private readonly int apiKeyCount;
        private readonly int bearerTokenCount;

        public Candidates(AuthOptions source)
        {
            this.source = source;
            apiKeyCount = source.ApiKeys.Count;
            bearerTokenCount = source.BearerTokens.Count;
            ApiKeys = Hashed(source.ApiKeys);
            BearerTokens = Hashed(source.BearerTokens);
        }

        public (CredentialOptions Credential, byte[] Hash)[] ApiKeys { get; }

        public (CredentialOptions Credential, byte[] Hash)[] BearerTokens { get; }

        /// <summary>Still the configuration these were hashed from (the same options object, no credential added or removed since).</summary>
        public bool IsOf(AuthOptions value) =>
            ReferenceEquals(value, source) && value.ApiKeys.Count == apiKeyCount && value.BearerTokens.Count == bearerTokenCount;

        private static (CredentialOptions, byte[])[] Hashed(List<CredentialOptions> credentials)
        {
            var hashed = new List<(CredentialOptions, byte[])>(credentials.Count);
            foreach (var c in credentials)
            {
                if (c.Secret is { Length: > 0 } secret)
                {
                    hashed.Add((c, SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
                }
                else if (c.Sha256 is { Length: 64 } hex)
                {
                    var hash = new byte[32];
                    if (Convert.FromHexString(hex, hash, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32)
                    {
                        hashed.Add((c, hash));
                    }
                }
            }

            return [.. hashed];
        }
    }
}
