using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CableTest.Cli.Usage;

/// <summary>
/// Options whose bad values are refused in the user's words, before anything is sent:
/// "--csa must be a number in mm² (got "abc")", "--cores must be a whole number of at least 1 (got 0)".
/// </summary>
internal static class Flags
{
    /// <summary>A number greater than zero, in <paramref name="unit"/>.</summary>
    public static Option<double?> Positive(string name, string unit, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = Token(result);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                result.AddError($"{name} must be a number in {unit} (got \"{text}\")");
                return null;
            }

            if (value <= 0)
            {
                result.AddError($"{name} must be greater than 0 {unit} (got {text})");
                return null;
            }

            return value;
        },
    };

    /// <summary>A whole number of at least <paramref name="minimum"/>.</summary>
    public static Option<int?> AtLeast(string name, int minimum, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = Token(result);
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"{name} must be a whole number (got \"{text}\")");
                return null;
            }

            if (value < minimum)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {minimum} (got {text})"));
                return null;
            }

            return value;
        },
    };

    /// <summary>One of <paramref name="allowed"/> (whole numbers).</summary>
    public static Option<int?> OneOf(string name, int[] allowed, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = Token(result);
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && allowed.Contains(value))
            {
                return value;
            }

            result.AddError($"{name} must be {Either(allowed.Select(a => a.ToString(CultureInfo.InvariantCulture)))} (got \"{text}\")");
            return null;
        },
    };

    /// <summary>"1, 2, 5 or 6".</summary>
    public static string Either(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
