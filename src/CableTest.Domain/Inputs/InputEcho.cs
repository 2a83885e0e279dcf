using System.Globalization;
using System.Text;

namespace CableTest.Domain.Inputs;

/// <summary>
/// What an error message or a log line may repeat of a client's input: at most a bounded prefix,
/// with control characters shown as '?' and the full length stated, so a hostile megabyte comes back
/// as a few dozen characters and cannot forge a log line.
/// </summary>
public static class InputEcho
{
    /// <summary>Characters of an input echoed by default.</summary>
    public const int DefaultPrefix = 64;

    /// <summary><paramref name="value"/> as it may be echoed: itself when short and printable, else a prefix and its length.</summary>
    public static string Prefix(string? value, int maxChars = DefaultPrefix)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var cut = value.Length <= maxChars ? value.Length : maxChars;
        if (cut < value.Length && cut > 0 && char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        var builder = new StringBuilder(cut + 24);
        for (var i = 0; i < cut; i++)
        {
            var c = value[i];
            var lonely = char.IsHighSurrogate(c) ? i + 1 >= cut || !char.IsLowSurrogate(value[i + 1])
                : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
            builder.Append(char.IsControl(c) || lonely ? '?' : c);
        }

        if (cut < value.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)");
        }

        return builder.ToString();
    }
}
