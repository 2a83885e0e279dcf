using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CableTest.Service.Security;

/// <summary>Looks up presented secrets by their SHA-256, in constant time per candidate.</summary>
internal sealed class CredentialStore(IOptionsMonitor<AuthOptions> options)
{
    public CredentialOptions? FindApiKey(string presented) => Find(options.CurrentValue.ApiKeys, presented);

    public CredentialOptions? FindBearerToken(string presented) => Find(options.CurrentValue.BearerTokens, presented);

    private static CredentialOptions? Find(List<CredentialOptions> candidates, string presented)
    {
        Span<byte> presentedHash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), presentedHash);
        Span<byte> expected = stackalloc byte[32];
        CredentialOptions? match = null;
        foreach (var c in candidates)
        {
            if (c.Secret is { Length: > 0 } secret)
            {
                SHA256.HashData(Encoding.UTF8.GetBytes(secret), expected);
            }
            else if (c.Sha256 is { Length: 64 } hex)
            {
                Convert.FromHexString(hex, expected, out _, out _);
            }
            else
            {
                continue;
            }

            if (CryptographicOperations.FixedTimeEquals(presentedHash, expected))
            {
                match ??= c;
            }
        }

        return match;
    }
}
