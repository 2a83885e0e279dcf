using System.CommandLine;
using System.Net;
using System.Text.Json;
using CableTest.Cli.Remote;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest report RUN_ID [--output FILE]`: saves the run's test report, as a PDF to sign when FILE ends in .pdf
/// (GET /reports/{runId}.pdf), else as HTML (GET /reports/{runId}.html); '-' writes the HTML to standard output.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var service = new ServiceOptions();
        var runId = new Argument<string>("RUN_ID") { Description = "The run whose report to fetch (full id, a unique start, or its last 6 hex digits)" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to save the report: a .pdf file gets the PDF, any other the HTML (default: RUN_ID.html; '-': HTML to standard output)" };
        var command = new Command("report", "Fetch a run's test report (HTML, or PDF with --output FILE.pdf)") { runId, output };
        service.AddTo(command);
        command.SetAction((parse, token) => RemoteCommand.RunAsync("report", service, parse, stderr, async connection =>
        {
            var id = await RunIds.ResolveAsync(connection, parse.GetRequiredValue(runId), token);
            var path = parse.GetValue(output) ?? id + ".html";
            var pdf = path != "-" && path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
            using var response = await connection.Http.GetAsync(new Uri("reports/" + Uri.EscapeDataString(id) + (pdf ? ".pdf" : ".html"), UriKind.Relative), token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                await stderr.WriteLineAsync($"cabletest report: no report for run {id} (unknown run, or not finished)");
                return ExitCodes.Service;
            }

            if (!response.IsSuccessStatusCode)
            {
                var detail = Detail(await response.Content.ReadAsStringAsync(token));
                await stderr.WriteLineAsync($"cabletest report: HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(detail.Length > 0 ? ": " + detail : "")}");
                return ExitCodes.Service;
            }

            var body = await response.Content.ReadAsByteArrayAsync(token);
            if (path == "-")
            {
                await stdout.WriteAsync(System.Text.Encoding.UTF8.GetString(body).AsMemory(), token);
                return ExitCodes.Ok;
            }

            try
            {
                await File.WriteAllBytesAsync(path, body, token);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await stderr.WriteLineAsync($"cabletest report: cannot write '{path}': {e.Message}");
                return ExitCodes.InputOutput;
            }

            await stdout.WriteLineAsync($"{(pdf ? "PDF" : "HTML")} report for run {id} saved to {Path.GetFullPath(path)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The service's reason in one line: a problem document's detail, or a short plain-text body.</summary>
    private static string Detail(string body)
    {
        body = body.Trim();
        if (body.StartsWith('{'))
        {
            try
            {
                using var problem = JsonDocument.Parse(body);
                if (problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
                {
                    return detail.GetString()!.ReplaceLineEndings(" ");
                }
            }
            catch (JsonException)
            {
                // Not a problem document: shown as text below.
            }
        }

        return body.Length is > 0 and < 300 ? body.ReplaceLineEndings(" ") : "";
    }
}
