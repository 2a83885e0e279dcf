using System.CommandLine;
using System.Net;
using CableTest.Cli.Remote;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest evidence export RUN_ID [-o FILE]`: fetches the run's evidence bundle (GET /evidence/{runId}.zip): the
/// verdict and evidence, readings, exchange recording, calibration references, the chain segment and its signed
/// checkpoint, the bench's public key and a manifest of SHA-256 sums. Check it with `cabletest evidence verify`.
/// </summary>
internal static class EvidenceExportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var service = new ServiceOptions();
        var runId = new Argument<string>("RUN_ID") { Description = "The run whose evidence to export (full id, a unique start, or its last 6 hex digits)" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the bundle (default: RUN_ID.zip)" };
        var command = new Command("export", "Write a run's signed evidence bundle (zip) that a third party can check offline") { runId, output };
        service.AddTo(command);
        command.SetAction((parse, token) => RemoteCommand.RunAsync("evidence export", service, parse, stderr, async connection =>
        {
            var id = await RunIds.ResolveAsync(connection, parse.GetRequiredValue(runId), token);
            var path = parse.GetValue(output) ?? id + ".zip";
            using var response = await connection.Http.GetAsync(new Uri("evidence/" + Uri.EscapeDataString(id) + ".zip", UriKind.Relative), token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                await stderr.WriteLineAsync($"cabletest evidence export: run {id} has no verdict on record (unknown run, or not finished)");
                return ExitCodes.Service;
            }

            if (!response.IsSuccessStatusCode)
            {
                await stderr.WriteLineAsync($"cabletest evidence export: the service answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                return ExitCodes.Service;
            }

            var body = await response.Content.ReadAsByteArrayAsync(token);
            try
            {
                await File.WriteAllBytesAsync(path, body, token);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await stderr.WriteLineAsync($"cabletest evidence export: cannot write '{path}' (--output): {e.Message}");
                return ExitCodes.InputOutput;
            }

            await stdout.WriteLineAsync($"evidence bundle for run {id} saved to {Path.GetFullPath(path)} ({body.Length} bytes); check it with: cabletest evidence verify {path}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
