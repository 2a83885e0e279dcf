using System.CommandLine;
using System.Net;
using CableTest.Cli.Remote;

namespace CableTest.Cli.Commands;

/// <summary>`cabletest report RUN_ID [--output FILE]`: saves the run's HTML test report (GET /reports/{runId}.html); '-' writes it to standard output.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var service = new ServiceOptions();
        var runId = new Argument<string>("RUN_ID") { Description = "The run whose report to fetch (full id, a unique start, or its last 6 hex digits)" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to save the report (default: RUN_ID.html; '-': standard output)" };
        var command = new Command("report", "Fetch a run's HTML test report") { runId, output };
        service.AddTo(command);
        command.SetAction((parse, token) => RemoteCommand.RunAsync("report", service, parse, stderr, async connection =>
        {
            var id = await RunIds.ResolveAsync(connection, parse.GetRequiredValue(runId), token);
            using var response = await connection.Http.GetAsync(new Uri("reports/" + Uri.EscapeDataString(id) + ".html", UriKind.Relative), token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                await stderr.WriteLineAsync($"cabletest report: no report for run {id} (unknown run, or not finished)");
                return ExitCodes.Service;
            }

            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(token);
                await stderr.WriteLineAsync($"cabletest report: HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(detail.Length is > 0 and < 300 ? ": " + detail.Trim() : "")}");
                return ExitCodes.Service;
            }

            var html = await response.Content.ReadAsStringAsync(token);
            var path = parse.GetValue(output) ?? id + ".html";
            if (path == "-")
            {
                await stdout.WriteAsync(html.AsMemory(), token);
                return ExitCodes.Ok;
            }

            try
            {
                await File.WriteAllTextAsync(path, html, token);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await stderr.WriteLineAsync($"cabletest report: cannot write '{path}': {e.Message}");
                return ExitCodes.InputOutput;
            }

            await stdout.WriteLineAsync($"report for run {id} saved to {Path.GetFullPath(path)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
