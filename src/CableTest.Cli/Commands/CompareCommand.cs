using System.CommandLine;
using CableTest.Cli.Remote;
using CableTest.Contracts.V1;
using CableTest.Domain.Comparison;
using CableTest.Presentation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest compare RUN_A RUN_B` / `cabletest compare RUN_A --external results.json [--format table|json]`: a run
/// compared with a re-inspection of its sample (another run, or another lab's results in the documented JSON schema,
/// docs/reinspection.md): per quantity both results with their expanded uncertainties, En and whether the verdicts
/// agree. Exit 0 when every |En| ≤ 1, 1 otherwise, 2 when the file is refused or the service could not answer.
/// `--record` also records the file with the run's sample (a lims or engineer key), so the sample's reports show it.
/// </summary>
internal static class CompareCommand
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(false));

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var service = new ServiceOptions();
        var runA = new Argument<string>("RUN_A") { Description = "The run whose verdict is compared (full id, a unique start, or its last 6 hex digits)" };
        var runB = new Argument<string?>("RUN_B") { Description = "Another run of the same sample (a re-inspection of its retained portion, another bench)", Arity = ArgumentArity.ZeroOrOne };
        var external = new Option<string?>("--external") { Description = "Another lab's results: a cabletest.external-inspection/1 JSON file (docs/reinspection.md)" };
        var record = new Option<bool>("--record") { Description = "Also record the --external results with the run's sample (lims or engineer key); its reports then compare with them" };
        var format = VerdictsCommand.Format("table", "json");
        var command = new Command("compare", "Compare a run with a re-inspection of its sample: En = (x1 − x2) / √(U1² + U2²) per quantity, |En| ≤ 1 consistent")
        {
            runA, runB, external, record, format,
        };
        service.AddTo(command);
        command.Validators.Add(result =>
        {
            var hasB = !string.IsNullOrWhiteSpace(result.GetValue(runB));
            var hasFile = result.GetValue(external) is not null;
            if (hasB == hasFile)
            {
                result.AddError(hasB ? "give RUN_B or --external FILE, not both" : "give RUN_B (another run of the same sample) or --external FILE (another lab's results)");
            }
            else if (result.GetValue(record) && !hasFile)
            {
                result.AddError("--record records another lab's results: give --external FILE (another run of the sample is on record already)");
            }
        });
        command.SetAction(async (parse, token) =>
        {
            var request = new CompareInspectionsRequest();
            if (parse.GetValue(external) is { } path)
            {
                if (await ReadExternalAsync(path, stderr, token) is not { } document)
                {
                    return ExitCodes.InputOutput;
                }

                request.ExternalResults = document;
            }

            return await RemoteCommand.RunAsync("compare", service, parse, stderr, async connection =>
            {
                request.RunA = await RunIds.ResolveAsync(connection, parse.GetValue(runA)!, token);
                if (parse.GetValue(runB) is { Length: > 0 } b)
                {
                    request.RunB = await RunIds.ResolveAsync(connection, b, token);
                }

                var response = await connection.Inspections.CompareInspectionsAsync(request, cancellationToken: token);
                if (parse.GetValue(format) == "json")
                {
                    await stdout.WriteLineAsync(Formatter.Format(response).AsMemory(), token);
                }
                else
                {
                    await WriteAsync(stdout, response, token);
                }

                if (parse.GetValue(record) && !await RecordAsync(connection, response.A.SampleId, request.ExternalResults, parse.GetValue(format) == "json" ? stderr : stdout, stderr, token))
                {
                    return ExitCodes.Service;
                }

                return response.Consistent ? ExitCodes.Ok : ExitCodes.Failed;
            }, FieldFlags.Compare);
        });
        return command;
    }

    /// <summary>Records the compared file with the sample; false (after one line saying why) when the service refuses.</summary>
    private static async Task<bool> RecordAsync(ServiceConnection connection, string sampleId, Struct document, TextWriter output, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        try
        {
            var recorded = await connection.Inspections.RecordExternalInspectionAsync(
                new RecordExternalInspectionRequest { SampleId = sampleId, ExternalResults = document }, cancellationToken: cancellationToken);
            await output.WriteLineAsync($"Recorded with sample {sampleId}: {recorded.Label} (inspection {recorded.InspectionId})".AsMemory(), cancellationToken);
            return true;
        }
        catch (Grpc.Core.RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.PermissionDenied or Grpc.Core.StatusCode.AlreadyExists)
        {
            await stderr.WriteLineAsync(e.StatusCode == Grpc.Core.StatusCode.PermissionDenied
                ? "cabletest compare: --record: this key may not record another lab's results (it needs the lims or engineer role); nothing was recorded"
                : $"cabletest compare: --record: sample {sampleId} has this lab's report recorded already; nothing was recorded");
            return false;
        }
    }

    /// <summary>The file as the request's document, checked here first so a wrong field is named in one line before anything is sent; null when refused.</summary>
    private static async Task<Struct?> ReadExternalAsync(string path, TextWriter stderr, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"cabletest compare: --external {path}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
            return null;
        }

        try
        {
            _ = ExternalInspectionFile.Parse(text);
        }
        catch (ExternalInspectionException e)
        {
            await stderr.WriteLineAsync($"cabletest compare: --external {path}: {e.Message}");
            return null;
        }

        return Struct.Parser.ParseJson(text);
    }

    private static async Task WriteAsync(TextWriter stdout, CompareInspectionsResponse response, CancellationToken cancellationToken)
    {
        var lines = new List<string>
        {
            $"Sample {response.A.SampleId}: A = {Describe(response.A)}, B = {Describe(response.B)}",
        };
        var width = response.Quantities.Select(q => ComparisonText.Subject(q).Length).DefaultIfEmpty(0).Max();
        foreach (var q in response.Quantities)
        {
            var verdicts = ComparisonText.Verdicts(q);
            lines.Add($"  {ComparisonText.Subject(q).PadRight(width)}  A {ComparisonText.A(q)}  B {ComparisonText.B(q)}  {ComparisonText.Agreement(q)}{(verdicts.Length > 0 ? "  " + verdicts : "")}");
        }

        lines.Add(ComparisonText.Summary(response));
        foreach (var line in lines)
        {
            await stdout.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }

    private static string Describe(InspectionSummary s) =>
        s.Source == "run"
            ? $"run {s.Label} ({(s.BenchId.Length > 0 ? "bench " + s.BenchId + ", " : "")}{ComparisonText.Outcome(s.Outcome)})"
            : $"{s.Label} ({ComparisonText.Outcome(s.Outcome)})";
}
