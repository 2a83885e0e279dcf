using System.CommandLine;

namespace CableTest.Cli.Commands;

/// <summary>`cabletest evidence export|verify`: a run's signed evidence bundle, and checking one offline.</summary>
internal static class EvidenceCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) =>
        new("evidence", "Export a run's signed evidence bundle, or check one without the service")
        {
            EvidenceExportCommand.Create(stdout, stderr),
            EvidenceVerifyCommand.Create(stdout, stderr),
        };
}
