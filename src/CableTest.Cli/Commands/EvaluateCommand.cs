using System.CommandLine;
using System.Text;
using System.Text.Json;
using CableTest.Domain.Evaluation;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Profiles;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest evaluate --input cases.jsonl [--output results.jsonl] [--catalogue-dir DIR]... [--profile-dir DIR]...`:
/// one worked case per input line (golden-file format), one `{"id":..., "result":{...}}` per
/// output line, in order. Bad lines answer verdict "error"; the others still evaluate.
/// </summary>
internal static class EvaluateCommand
{
    private static readonly JsonSerializerOptions LineOptions = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "JSON Lines file of cases (one JSON object per line; '-' for standard input)",
            Required = true,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write one result per line (default: standard output)",
        };
        var catalogueDirs = new Option<string[]>("--catalogue-dir")
        {
            Description = "Extra directory of standards / product-spec data files (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var profileDirs = new Option<string[]>("--profile-dir")
        {
            Description = "Extra directory of instrument profiles (repeatable): cases may name an instrument by profile (meter_profile) for its uncertainty budget",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("evaluate", "Evaluate worked verdict cases with the verdict engine")
        {
            input,
            output,
            catalogueDirs,
            profileDirs,
        };
        command.SetAction((parse, token) => RunAsync(
            parse.GetRequiredValue(input), parse.GetValue(output), parse.GetValue(catalogueDirs) ?? [], stdout, stderr, token, parse.GetValue(profileDirs) ?? []));
        return command;
    }

    internal static async Task<int> RunAsync(string inputPath, string? outputPath, string[] catalogueDirs, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken, string[]? profileDirs = null)
    {
        CaseEvaluator evaluator;
        try
        {
            var engine = catalogueDirs.Length == 0 ? VerdictEngine.Default : new VerdictEngine(StandardsCatalogue.Load(catalogueDirs));
            var profiles = ProfileCatalogue.Load(profileDirs ?? []);
            evaluator = new CaseEvaluator(engine) { AccuracyResolver = (name, quantity) => profiles.All.FirstOrDefault(p => p.Name == name)?.Accuracy.For(quantity) };
        }
        catch (CatalogueLoadException e)
        {
            await stderr.WriteLineAsync($"cabletest evaluate: standards catalogue: {e.Message}");
            return ExitCodes.Catalogue;
        }
        catch (ProfileLoadException e)
        {
            await stderr.WriteLineAsync($"cabletest evaluate: instrument profiles (--profile-dir): {e.Message}");
            return ExitCodes.Catalogue;
        }

        TextReader reader;
        try
        {
            reader = inputPath == "-" ? Console.In : new StreamReader(inputPath, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"cabletest evaluate: cannot read input '{inputPath}': {e.Message}");
            return ExitCodes.InputOutput;
        }

        using (reader)
        {
            TextWriter writer;
            try
            {
                writer = outputPath is null ? stdout : new StreamWriter(outputPath, append: false, new UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await stderr.WriteLineAsync($"cabletest evaluate: cannot write output '{outputPath}': {e.Message}");
                return ExitCodes.InputOutput;
            }

            try
            {
                var (lines, errors) = await EvaluateAllAsync(evaluator, reader, writer, cancellationToken);
                await stderr.WriteLineAsync($"cabletest evaluate: {lines} case(s) evaluated, {errors} answered with verdict error");
                return ExitCodes.Ok;
            }
            catch (IOException e)
            {
                await stderr.WriteLineAsync($"cabletest evaluate: I/O error: {e.Message}");
                return ExitCodes.InputOutput;
            }
            finally
            {
                if (!ReferenceEquals(writer, stdout))
                {
                    await writer.DisposeAsync();
                }
                else
                {
                    await writer.FlushAsync(cancellationToken);
                }
            }
        }
    }

    private static async Task<(int Lines, int Errors)> EvaluateAllAsync(CaseEvaluator evaluator, TextReader reader, TextWriter writer,
        CancellationToken cancellationToken)
    {
        var lines = 0;
        var errors = 0;
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var answer = evaluator.EvaluateLine(line, lineNumber);
            lines++;
            if (answer["result"]?["verdict"]?.GetValue<string>() == "error")
            {
                errors++;
            }

            await writer.WriteLineAsync(answer.ToJsonString(LineOptions).AsMemory(), cancellationToken);
        }

        return (lines, errors);
    }
}
