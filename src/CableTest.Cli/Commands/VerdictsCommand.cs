using System.CommandLine;

namespace CableTest.Cli.Commands;

/// <summary>`cabletest verdicts list|show`: read verdicts from the service.</summary>
internal static class VerdictsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) =>
        new("verdicts", "List and show verdicts")
        {
            VerdictsListCommand.Create(stdout, stderr),
            VerdictsShowCommand.Create(stdout, stderr),
        };

    /// <summary>The --verbose option: list each test's warnings under the verdict table (otherwise they are counted on their row).</summary>
    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "List every test's warnings under the verdict table (otherwise counted on their row)" };

    /// <summary>The --format option: table (people), json or csv (scripts).</summary>
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f") { Description = "Output format: " + string.Join(", ", formats), DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
