using Spectre.Console;

namespace CableTest.Cli.Output;

/// <summary>
/// Spectre.Console consoles over a command's writer: ANSI, colour and live widgets only when the writer
/// is the process's real, unredirected console; plain ASCII otherwise (files, pipes, CI logs, tests).
/// </summary>
internal static class Terminal
{
    /// <summary>True when <paramref name="writer"/> is an interactive terminal (live progress, prompts at the keyboard).</summary>
    public static bool IsInteractive(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected && !Console.IsInputRedirected;

    public static IAnsiConsole For(TextWriter writer)
    {
        var interactive = IsInteractive(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    /// <summary>Table borders: rounded on a terminal, ASCII in files and logs.</summary>
    public static TableBorder Border(IAnsiConsole console) =>
        console.Profile.Capabilities.Ansi ? TableBorder.Rounded : TableBorder.Ascii;
}
