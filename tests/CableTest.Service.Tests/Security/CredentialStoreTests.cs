using System.Security.Cryptography;
using System.Text;
using CableTest.Service.Security;
using Microsoft.Extensions.Options;
using Moq;

namespace CableTest.Service.Tests.Security;

/// <summary>The credential lookup with its hashes computed once per configuration: what it finds must not change.</summary>
public sealed class CredentialStoreTests
{
    private readonly Mock<IOptionsMonitor<AuthOptions>> monitor = new();

    [Fact]
    public void FindsByClearSecretOrConfiguredHash_RefusesAnythingElse()
    {
        var lims = new CredentialOptions { Name = "lims", Secret = "lims-key" };
        var bench = new CredentialOptions { Name = "bench", Sha256 = Hex("bench-key") };
        var broken = new CredentialOptions { Name = "broken", Sha256 = new string('z', 64) };
        var token = new CredentialOptions { Name = "sso", Secret = "token-1" };
        var store = Store(new AuthOptions { ApiKeys = [broken, lims, bench], BearerTokens = [token] });

        Assert.Same(lims, store.FindApiKey("lims-key"));
        Assert.Same(bench, store.FindApiKey("bench-key"));
        Assert.Null(store.FindApiKey("LIMS-KEY"));
        Assert.Null(store.FindApiKey(""));
        Assert.Null(store.FindApiKey("token-1")); // a bearer token is not an API key
        Assert.Same(token, store.FindBearerToken("token-1"));
        Assert.Null(store.FindBearerToken("lims-key"));
    }

    [Fact]
    public void LongPresentedSecret_HashedWhole()
    {
        var secret = new string('k', 5000) + "é";
        var holder = new CredentialOptions { Name = "long", Secret = secret };
        var store = Store(new AuthOptions { ApiKeys = [holder] });

        Assert.Same(holder, store.FindApiKey(secret));
        Assert.Null(store.FindApiKey(secret[..^1] + "e"));
        Assert.Null(store.FindApiKey(new string('k', 256)));
    }

    [Fact]
    public void ReloadedConfiguration_OldKeyRefused_NewKeyFound()
    {
        var first = new AuthOptions { ApiKeys = [new CredentialOptions { Name = "old", Secret = "old-key" }] };
        var store = Store(first);
        Assert.NotNull(store.FindApiKey("old-key"));

        var reloaded = new AuthOptions { ApiKeys = [new CredentialOptions { Name = "new", Secret = "new-key" }] };
        monitor.Setup(m => m.CurrentValue).Returns(reloaded);
        Assert.Null(store.FindApiKey("old-key"));
        Assert.Equal("new", store.FindApiKey("new-key")?.Name);

        // A credential added to the same options object (as a test host's configure callback may) is seen too.
        reloaded.ApiKeys.Add(new CredentialOptions { Name = "added", Secret = "added-key" });
        Assert.Equal("added", store.FindApiKey("added-key")?.Name);
    }

    private CredentialStore Store(AuthOptions options)
    {
        monitor.Setup(m => m.CurrentValue).Returns(options);
        return new CredentialStore(monitor.Object);
    }

    private static string Hex(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
