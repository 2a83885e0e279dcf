using CableTest.Contracts.V1;

namespace CableTest.Cli.Runs;

/// <summary>How a watched run is shown: live progress bars on a terminal, plain lines elsewhere.</summary>
internal interface IRunDisplay
{
    /// <summary>Runs <paramref name="pump"/> while the display is live (a live widget cannot share the screen with a prompt).</summary>
    Task LiveAsync(Func<Task> pump);

    void Snapshot(Run run);

    void Reading(Reading reading);

    void Log(string text);

    /// <summary>Writes a line outside the live area (prompts, answers, outcome).</summary>
    void Line(string text);
}
