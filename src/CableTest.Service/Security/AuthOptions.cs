namespace CableTest.Service.Security;

/// <summary>Configuration section <c>Auth</c>: who may call the service.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Callers that present <c>x-api-key: KEY</c>.</summary>
    public List<CredentialOptions> ApiKeys { get; set; } = [];

    /// <summary>Callers that present <c>authorization: Bearer TOKEN</c>.</summary>
    public List<CredentialOptions> BearerTokens { get; set; } = [];

    /// <summary>
    /// Callers without credentials connecting from a loopback address get <see cref="AnonymousRoles"/>.
    /// On in the embedded default only; the service says so at startup. Never applies to remote peers.
    /// </summary>
    public bool AllowAnonymousLoopback { get; set; }

    /// <summary>
    /// Roles granted to anonymous loopback callers; empty means every role. (Not pre-filled: the
    /// configuration binder appends to a list's existing items, so a default list could never be narrowed.)
    /// </summary>
    public List<string> AnonymousRoles { get; set; } = [];

    /// <summary><see cref="AnonymousRoles"/>, or every role when none are configured.</summary>
    public IReadOnlyList<string> EffectiveAnonymousRoles => AnonymousRoles.Count > 0 ? AnonymousRoles : Roles.All;
}

/// <summary>One API key or bearer token and the roles it maps to.</summary>
public sealed class CredentialOptions
{
    /// <summary>Who this credential belongs to (logged; the secret never is).</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret in clear text (convenient for development; prefer <see cref="Sha256"/>).</summary>
    public string? Secret { get; set; }

    /// <summary>Hex SHA-256 of the secret (what production configuration should hold).</summary>
    public string? Sha256 { get; set; }

    public List<string> Roles { get; set; } = [];
}
