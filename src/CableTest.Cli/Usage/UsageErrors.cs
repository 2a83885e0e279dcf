using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace CableTest.Cli.Usage;

/// <summary>
/// Parse errors as one line each, in the user's words and without the help page:
/// "cabletest run: --csa must be a number in mm² (got "abc")", "cabletest run: unknown option --csaa; did you mean --csa?".
/// System.CommandLine's own typo corrections ("'--csaa' was not matched. Did you mean one of the following?")
/// take three lines per token and also flag the value after an unknown option, so the suggestion is made here.
/// </summary>
internal static partial class UsageErrors
{
    /// <summary>The lines to print for <paramref name="parse"/>'s errors, each starting "cabletest COMMAND: ".</summary>
    public static IReadOnlyList<string> Lines(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var prefix = CommandPath(parse.CommandResult) + ": ";
        var lines = new List<string>();
        var unknownCommand = command.Subcommands.Count > 0 && parse.UnmatchedTokens.Any(t => !t.StartsWith('-'));
        lines.AddRange(Unmatched(parse.UnmatchedTokens, command, CommandPath(parse.CommandResult)));
        foreach (var error in parse.Errors)
        {
            if (Rewrite(error, command, CommandPath(parse.CommandResult), unknownCommand) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines.Distinct(StringComparer.Ordinal).Select(l => prefix + l).ToList();
    }

    /// <summary>"cabletest verdicts list" for the command the parse ended in.</summary>
    public static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult { Command: not RootCommand } c)
            {
                names.Insert(0, c.Command.Name);
            }
        }

        return string.Join(" ", names.Prepend("cabletest"));
    }

    private static IEnumerable<string> Unmatched(IReadOnlyList<string> tokens, Command command, string path)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith('-'))
            {
                var names = OptionNames(command);
                var close = Suggest.Closest(token, names);
                yield return close.Count > 0
                    ? $"unknown option {token}{Suggest.DidYouMean(close)}"
                    : $"unknown option {token} ({path} --help lists the options)";
                if (i + 1 < tokens.Count && !tokens[i + 1].StartsWith('-'))
                {
                    i++; // the unknown option's value
                }
            }
            else if (command.Subcommands.Count > 0)
            {
                var close = Suggest.Closest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
                yield return close.Count > 0
                    ? $"unknown command '{token}'{Suggest.DidYouMean(close)}"
                    : $"unknown command '{token}'; the commands are {Flags.Either(command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
                yield break; // what follows belonged to the command that was meant
            }
            else
            {
                yield return $"unexpected argument '{token}' ({path} --help lists what it takes)";
            }
        }
    }

    private static string? Rewrite(ParseError error, Command command, string path, bool unknownCommand)
    {
        var message = error.Message;
        if (UnrecognizedPattern().IsMatch(message))
        {
            return null; // said once, with a suggestion, from the unmatched tokens
        }

        if (CannotParsePattern().Match(message) is { Success: true } cannot)
        {
            var value = cannot.Groups["value"].Value;
            var name = cannot.Groups["option"].Value;
            var option = command.Options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
            return $"{name} must be {Kind(option?.ValueType)} (got \"{value}\")";
        }

        if (NotRecognizedPattern().Match(message) is { Success: true } notAmong)
        {
            var value = notAmong.Groups["value"].Value;
            var allowed = QuotedPattern().Matches(notAmong.Groups["allowed"].Value).Select(m => m.Groups[1].Value).ToList();
            var name = error.SymbolResult switch
            {
                OptionResult o => o.Option.Name,
                ArgumentResult { Parent: OptionResult o } => o.Option.Name,
                ArgumentResult a => a.Argument.Name,
                _ => "the value",
            };
            var close = Suggest.Closest(value, allowed, 1);
            return $"{name} must be {Flags.Either(allowed)} (got \"{value}\"{(close.Count > 0 ? "; did you mean " + close[0] + "?" : "")})";
        }

        if (TwicePattern().Match(message) is { Success: true } twice)
        {
            return $"{twice.Groups["option"].Value} is given {twice.Groups["count"].Value} times; give it once";
        }

        if (message == "Required command was not provided.")
        {
            if (unknownCommand)
            {
                return null; // "unknown command 'x'; did you mean ...?" said it
            }

            return $"give a command: {Flags.Either(command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))} ({path} --help)";
        }

        if (MissingForOptionPattern().Match(message) is { Success: true } missingValue)
        {
            return $"{missingValue.Groups["option"].Value} needs a value ({path} --help)";
        }

        if (message.StartsWith("Required argument missing for command", StringComparison.Ordinal))
        {
            var arguments = string.Join(" ", command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0).Select(a => a.Name));
            return $"give {(arguments.Length > 0 ? arguments : "the argument")} ({path} --help)";
        }

        return message.Replace(Environment.NewLine, " ", StringComparison.Ordinal).TrimEnd();
    }

    private static string Kind(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(uint) || type == typeof(ushort) || type == typeof(byte) => "a whole number",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date or time in ISO 8601 (e.g. 2025-06-01 or 2025-06-01T08:00:00Z)",
            _ when type == typeof(TimeSpan) => "a duration such as 00:01:30",
            _ when type == typeof(bool) => "true or false",
            { IsEnum: true } => Flags.Either(Enum.GetNames(type)),
            _ => "a valid value",
        };
    }

    private static IEnumerable<string> OptionNames(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in c.Options.Where(o => !o.Hidden && (c == command || o.Recursive)))
            {
                names.Add(option.Name);
                names.AddRange(option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
            }
        }

        return names;
    }

    [GeneratedRegex(@"^Unrecognized command or argument '.*'\.$")]
    private static partial Regex UnrecognizedPattern();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type")]
    private static partial Regex CannotParsePattern();

    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?<allowed>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotRecognizedPattern();

    [GeneratedRegex(@"^Option '(?<option>[^']+)' expects a single argument but (?<count>\d+) were provided\.$")]
    private static partial Regex TwicePattern();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"^Required argument missing for option: '(?<option>[^']+)'\.$")]
    private static partial Regex MissingForOptionPattern();
}
