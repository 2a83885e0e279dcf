namespace CableTest.Domain.Inputs;

/// <summary>
/// The one rule for ids a client gives or names (sample ids, run, prompt, verdict and request ids):
/// 1 to 64 characters from RFC 3986's unreserved set without '~' (letters, digits, '.', '_', '-'),
/// starting with a letter or digit. Such an id is its own URL path segment (no escaping, never "."
/// or ".."), a file name and a SQL literal nobody has to quote. The proto comments, the server and
/// the dashboard's <c>pattern</c> attribute all state this rule.
/// </summary>
public static class IdRule
{
    /// <summary>Longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>The rule as a .NET / ECMAScript regular expression, anchored.</summary>
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    /// <summary>
    /// The rule for an HTML <c>pattern</c> attribute: browsers compile it anchored and with the
    /// <c>v</c> flag, where a '-' inside a class must be escaped (Chromium rejects <c>[._-]</c>).
    /// </summary>
    public const string HtmlPattern = @"[A-Za-z0-9][A-Za-z0-9._\-]{0,63}";

    /// <summary>The rule in words, for error messages.</summary>
    public const string Description = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. \"S-2026-0142\")";

    /// <summary>True when <paramref name="id"/> follows the rule (a loop, not a regex: a .NET '$' would also match before a final '\n').</summary>
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length is 0 or > MaxLength || !char.IsAsciiLetterOrDigit(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
