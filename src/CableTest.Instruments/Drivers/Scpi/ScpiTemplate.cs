using System.Globalization;
using System.Text;

namespace CableTest.Instruments.Drivers.Scpi;

/// <summary>
/// Renders profile command templates: <c>{name}</c> becomes a number in invariant notation,
/// <c>{name?ON:OFF}</c> picks a text by a boolean. A placeholder the driver does not supply is an error.
/// </summary>
internal static class ScpiTemplate
{
    public static string Render(string template, IReadOnlyDictionary<string, object> values)
    {
        var result = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"unclosed placeholder in \"{template}\"");
            }

            result.Append(template, i, open - i);
            var placeholder = template[(open + 1)..close];
            var question = placeholder.IndexOf('?', StringComparison.Ordinal);
            var name = question < 0 ? placeholder : placeholder[..question];
            if (!values.TryGetValue(name, out var value))
            {
                throw new FormatException($"placeholder {{{name}}} in \"{template}\" is not a setting of this role (settings: {string.Join(", ", values.Keys)})");
            }

            if (question >= 0)
            {
                var choices = placeholder[(question + 1)..].Split(':');
                if (choices.Length != 2 || value is not bool flag)
                {
                    throw new FormatException($"placeholder {{{placeholder}}} in \"{template}\" must be {{boolean?TRUE_TEXT:FALSE_TEXT}}");
                }

                result.Append(flag ? choices[0] : choices[1]);
            }
            else
            {
                result.Append(value switch
                {
                    double d => d.ToString("0.#########", CultureInfo.InvariantCulture),
                    bool b => b ? "1" : "0",
                    _ => Convert.ToString(value, CultureInfo.InvariantCulture),
                });
            }

            i = close + 1;
        }

        return result.ToString();
    }
}
