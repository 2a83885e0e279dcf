using System.Text.Json;

namespace CableTest.Cli.Tests.Service;

/// <summary>verdicts list/show, report and verify after the fixture's run.</summary>
[Collection(GoodBenchCollection.Name)]
public sealed class ReadCommandsTests(GoodBenchFixture bench)
{
    [Fact]
    public async Task VerdictsList_Csv_HeaderAndOneRowPerVerdict()
    {
        var result = await CliResult.RunAsync(["verdicts", "list", "--server", bench.Service.Address, "--sample", "S-CLI-GOOD", "--format", "csv"]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = SplitCsv(lines[0]);
        Assert.Equal("sequence", header[0]);
        var row = SplitCsv(Assert.Single(lines.Skip(1)));
        Assert.Equal(header.Length, row.Length);
        Assert.Equal("S-CLI-GOOD", row[Array.IndexOf(header, "sample_id")]);
        Assert.Equal(bench.FirstRun.RunId, row[Array.IndexOf(header, "run_id")]);
        Assert.Equal("pass", row[Array.IndexOf(header, "outcome")]);
    }

    [Fact]
    public async Task VerdictsList_JsonWithOutcomeFilter_ParsesAsArray()
    {
        var passed = await CliResult.RunAsync(["verdicts", "list", "--server", bench.Service.Address, "--verdict", "pass,conditional_pass", "--format", "json"]);
        var failed = await CliResult.RunAsync(["verdicts", "list", "--server", bench.Service.Address, "--verdict", "fail", "--format", "json"]);

        Assert.True(passed.Code == ExitCodes.Ok, passed.ToString());
        using var doc = JsonDocument.Parse(passed.Out);
        var verdict = Assert.Single(doc.RootElement.EnumerateArray(), v => v.GetProperty("sample_id").GetString() == "S-CLI-GOOD");
        Assert.Equal("pass", verdict.GetProperty("outcome").GetString());
        Assert.Equal(3, verdict.GetProperty("tests").GetArrayLength());
        using var none = JsonDocument.Parse(failed.Out);
        Assert.Equal(0, none.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task VerdictsShow_BySampleAsJson_IsTheContractMessage()
    {
        var result = await CliResult.RunAsync(["verdicts", "show", "--server", bench.Service.Address, "--sample", "S-CLI-GOOD", "--format", "json"]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(bench.FirstRun.RunId, doc.RootElement.GetProperty("runId").GetString());
        Assert.Equal("OUTCOME_PASS", doc.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task VerdictsList_Table_RunIdOnOneLine()
    {
        var result = await CliResult.RunAsync(["verdicts", "list", "--server", bench.Service.Address, "--sample", "S-CLI-GOOD"]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        Assert.Matches(@"\|\s*" + System.Text.RegularExpressions.Regex.Escape(bench.FirstRun.RunId) + @"\s*\|", result.Out);
        Assert.DoesNotContain("mm2", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerdictsShow_ByLastSixOfRunId_ResolvesTheRun()
    {
        var shortId = bench.FirstRun.RunId[^6..];

        var result = await CliResult.RunAsync(["verdicts", "show", shortId, "--server", bench.Service.Address, "--format", "json"]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(bench.FirstRun.RunId, doc.RootElement.GetProperty("runId").GetString());
    }

    [Fact]
    public async Task VerdictsShow_UnknownRun_IsNotFound()
    {
        var result = await CliResult.RunAsync(["verdicts", "show", "--server", bench.Service.Address, "no-such-run"]);

        Assert.Equal(ExitCodes.Service, result.Code);
        Assert.Contains("NotFound", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ToFile_SavesTheHtmlReport()
    {
        using var dir = new CableTest.Testing.TempDirectory("cabletest-cli-report");
        var file = dir.File("report.html");

        var result = await CliResult.RunAsync(["report", bench.FirstRun.RunId, "--server", bench.Service.Address, "--output", file]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        var html = await File.ReadAllTextAsync(file);
        Assert.Contains("S-CLI-GOOD", html, StringComparison.Ordinal);
        Assert.Contains("</html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ToPdfFile_SavesThePdf()
    {
        using var dir = new CableTest.Testing.TempDirectory("cabletest-cli-report");
        var file = dir.File("S-1.pdf");

        var result = await CliResult.RunAsync(["report", bench.FirstRun.RunId, "--server", bench.Service.Address, "--output", file]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        Assert.Contains("PDF report for run", result.Out, StringComparison.Ordinal);
        var pdf = await File.ReadAllBytesAsync(file);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.EndsWith("%%EOF", System.Text.Encoding.ASCII.GetString(pdf[^8..]).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ServiceDataDirectory_ChainIntact()
    {
        var result = await CliResult.RunAsync(["verify", "--data-dir", bench.Service.DataDirectory]);

        Assert.True(result.Code == ExitCodes.Ok, result.ToString());
        Assert.Contains("hash chain intact", result.Out, StringComparison.Ordinal);
    }

    /// <summary>One RFC 4180 record (quoted fields, doubled quotes; no line breaks inside fields here).</summary>
    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
