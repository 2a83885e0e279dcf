using CableTest.Contracts.V1;

namespace CableTest.Cli.Runs;

/// <summary>
/// Answers operator prompts: automatically (<c>--yes</c>) or at the terminal (Enter or "y" = done,
/// "n"/"abort" = cannot do it, which makes the service abort the run safely; end of input = cannot answer).
/// </summary>
internal sealed class PromptAnswerer(TextReader input, bool automatic)
{
    public async Task<bool> AskAsync(Prompt prompt, IRunDisplay display, CancellationToken cancellationToken)
    {
        if (automatic)
        {
            display.Line($"prompt: {prompt.Message} -> acknowledged (--yes)");
            return true;
        }

        while (true)
        {
            display.Line($"prompt: {prompt.Message}");
            display.Line("  press Enter when done, or type 'abort' to stop the run safely:");
            var line = await input.ReadLineAsync(cancellationToken).AsTask().WaitAsync(cancellationToken);
            if (line is null)
            {
                display.Line("  no answer (end of input; use --yes in scripts): the run is aborted");
                return false;
            }

            switch (line.Trim().ToUpperInvariant())
            {
                case "" or "Y" or "YES" or "OK" or "DONE":
                    return true;
                case "N" or "NO" or "ABORT":
                    return false;
                default:
                    display.Line($"  '{line.Trim()}' is not an answer");
                    break;
            }
        }
    }
}
