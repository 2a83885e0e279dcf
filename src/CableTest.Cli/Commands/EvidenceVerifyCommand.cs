using System.CommandLine;
using CableTest.Storage.Evidence;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest evidence verify FILE`: checks an evidence bundle without the service: the manifest's signature, every
/// member's SHA-256, the verdict's hashes, the chain segment up to the signed checkpoint, the cited readings. Prints the
/// key id that signed it (compare it with the lab's published key). Exit 0 intact, 1 a member changed (each named),
/// 2 the file cannot be read.
/// </summary>
internal static class EvidenceVerifyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "The bundle written by 'cabletest evidence export'" };
        var command = new Command("verify", "Check an evidence bundle offline; names any member that was changed") { file };
        command.SetAction((parse, token) => RunAsync(parse.GetRequiredValue(file), stdout, stderr));
        return command;
    }

    internal static async Task<int> RunAsync(string path, TextWriter stdout, TextWriter stderr)
    {
        EvidenceVerification result;
        try
        {
            await using var stream = File.OpenRead(path);
            result = EvidenceBundleVerifier.Verify(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"cabletest evidence verify: cannot read '{path}': {e.Message}");
            return ExitCodes.InputOutput;
        }

        foreach (var line in result.Checked)
        {
            await stdout.WriteLineAsync("ok  " + line);
        }

        if (result.Intact)
        {
            await stdout.WriteLineAsync($"intact: run {result.RunId}, signed by bench key {result.KeyId} (compare it with the key id the lab publishes)");
            return ExitCodes.Ok;
        }

        foreach (var problem in result.Problems)
        {
            await stderr.WriteLineAsync($"CHANGED  {problem.Member}: {problem.What}");
        }

        await stderr.WriteLineAsync($"cabletest evidence verify: {path} does not hold up: {string.Join(", ", result.Problems.Select(p => p.Member).Distinct(StringComparer.Ordinal))}");
        return ExitCodes.Failed;
    }
}
