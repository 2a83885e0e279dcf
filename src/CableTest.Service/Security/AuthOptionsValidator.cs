using Microsoft.Extensions.Options;

namespace CableTest.Service.Security;

/// <summary>Startup validation of <see cref="AuthOptions"/>: each error names its configuration key.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        Check(options.ApiKeys, "Auth:ApiKeys", errors);
        Check(options.BearerTokens, "Auth:BearerTokens", errors);
        for (var i = 0; i < options.AnonymousRoles.Count; i++)
        {
            if (!Roles.All.Contains(options.AnonymousRoles[i]))
            {
                errors.Add($"Auth:AnonymousRoles:{i}: unknown role '{options.AnonymousRoles[i]}' (known: {string.Join(", ", Roles.All)})");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<CredentialOptions> credentials, string key, List<string> errors)
    {
        for (var i = 0; i < credentials.Count; i++)
        {
            var c = credentials[i];
            var at = $"{key}:{i}";
            if (string.IsNullOrWhiteSpace(c.Name))
            {
                errors.Add($"{at}:Name is required");
            }

            var hasSecret = !string.IsNullOrEmpty(c.Secret);
            var hasHash = !string.IsNullOrEmpty(c.Sha256);
            if (hasSecret == hasHash)
            {
                errors.Add($"{at}: set exactly one of Secret or Sha256");
            }

            if (hasSecret && c.Secret!.Length < 16)
            {
                errors.Add($"{at}:Secret must be at least 16 characters");
            }

            if (hasHash && (c.Sha256!.Length != 64 || !c.Sha256.All(Uri.IsHexDigit)))
            {
                errors.Add($"{at}:Sha256 must be 64 hex digits");
            }

            if (c.Roles.Count == 0)
            {
                errors.Add($"{at}:Roles must name at least one role");
            }

            for (var r = 0; r < c.Roles.Count; r++)
            {
                if (!Roles.All.Contains(c.Roles[r]))
                {
                    errors.Add($"{at}:Roles:{r}: unknown role '{c.Roles[r]}' (known: {string.Join(", ", Roles.All)})");
                }
            }
        }
    }
}
