using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CableTest.Contracts.V1;
using CableTest.Service.Tests.Runs;

namespace CableTest.Service.Tests.Reports;

/// <summary>
/// PDF reports of whole runs on the embedded simulated bench, read back with PdfPig: the lab header from configuration,
/// local time with its UTC offset, "page X of Y", SIMULATED, the reason of a FAIL in words, the approval step, and an
/// aborted run's record (how, why and by whom it ended).
/// </summary>
public sealed class PdfReportTests
{
    private const string LabName = "Huadong Cable Test Centre 华东电线电缆检测中心";
    private const string Accreditation = "CNAS L1234";

    private static readonly string[] LabSettings =
    [
        "--Reports:Lab:Name=" + LabName,
        "--Reports:Lab:Address=88 Jinke Road, Shanghai · 上海市金科路88号",
        "--Reports:Lab:AccreditationNumber=" + Accreditation,
        "--Reports:TimeZone=Asia/Shanghai",
    ];

    private static async Task<(InProcessService Service, Run Run)> RunAsync(string scenario, string sampleId)
    {
        var service = await InProcessService.StartAsync(true, [.. RunOnSimulatedBenchTests.FastBench, "--Bench:Simulator:Scenario=" + scenario, .. LabSettings]);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25(sampleId));
        var started = await bench.StartRunAsync(new StartRunRequest { SampleId = sampleId, OperatorName = "Wang Fang 王芳" });
        var run = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, started.RunId);
        Assert.True(run.State == RunState.Completed, run.ToString());
        return (service, run);
    }

    private static void AssertHeaderAndPages(IReadOnlyList<string> pages, string runId, int minPages = 2)
    {
        Assert.True(pages.Count >= minPages, $"{pages.Count} page(s)");
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            Assert.Contains(LabName, page, StringComparison.Ordinal);
            Assert.Contains("Accreditation No. · 认可编号: " + Accreditation, page, StringComparison.Ordinal);
            Assert.Contains($"page {i + 1} of {pages.Count}", page, StringComparison.Ordinal);
            Assert.Contains("SIMULATED", page, StringComparison.Ordinal);
            Assert.Contains(runId, page, StringComparison.Ordinal);
        }

        var all = string.Concat(pages);
        Assert.Contains("试验报告", all, StringComparison.Ordinal);
        // Started / completed / evaluated in Shanghai time with the offset, not UTC.
        Assert.True(Regex.Matches(all, @"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+08:00").Count >= 3, all);
        Assert.DoesNotContain("E+", all, StringComparison.Ordinal);
        Assert.DoesNotContain("MOhm", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_PassRun_LabHeaderLocalTimePagesSimulated_ApprovalByEngineerOnly()
    {
        var (service, run) = await RunAsync("good-bv-2.5", "S-PDF-PASS");
        await using var _ = service;
        await ReadingsStoredAsync(service, run.RunId);

        var pages = PdfTextReader.Pages(await service.Http.GetByteArrayAsync($"/reports/{run.RunId}.pdf"), "pass");
        AssertHeaderAndPages(pages, run.RunId);
        var all = string.Concat(pages);
        Assert.Contains("Overall verdict · 总判定: PASS 合格", all, StringComparison.Ordinal);
        Assert.Contains("Wang Fang 王芳", all, StringComparison.Ordinal);
        Assert.Contains("awaiting approval", all, StringComparison.Ordinal);
        Assert.Contains("MΩ·km", all, StringComparison.Ordinal);
        // The charts, drawn from the stored readings: axis labels of the conductor, insulation and withstand plots.
        Assert.Contains("R Ω, core 1", all, StringComparison.Ordinal);
        Assert.Contains("electrification s", all, StringComparison.Ordinal);
        Assert.Contains("R MΩ", all, StringComparison.Ordinal);
        Assert.Contains("Ω/km", all, StringComparison.Ordinal);

        // The approval step: a technician key is refused, an engineer's is taken, and the report names the people.
        var body = new { approvedBy = "Zhang Wei 张伟", checkedBy = "Li Na 李娜", comment = "checked against LIMS" };
        using (var technician = Approve(run.RunId, InProcessService.TechnicianKey, body))
        {
            var refused = await service.Http.SendAsync(technician);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var engineer = Approve(run.RunId, InProcessService.EngineerKey, body))
        {
            var approved = await service.Http.SendAsync(engineer);
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }

        var signed = string.Concat(PdfTextReader.Pages(await service.Http.GetByteArrayAsync($"/reports/{run.RunId}.pdf"), "pass-approved"));
        Assert.Contains("Checked by · 校核", signed, StringComparison.Ordinal);
        Assert.Contains("Li Na 李娜", signed, StringComparison.Ordinal);
        Assert.Matches(@"Zhang Wei 张伟, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+08:00", signed);
        Assert.DoesNotContain("awaiting approval", signed, StringComparison.Ordinal);

        var html = PdfTextReader.KeepHtml(await service.Http.GetStringAsync($"/reports/{run.RunId}.html"), "pass-approved");
        Assert.Contains("Zhang Wei 张伟", html, StringComparison.Ordinal);
        Assert.Contains(LabName, html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(html, "<polyline fill=\"none\" stroke=\"#(14324a|6a1b9a|b3261e)\"[^>]* points=\"[0-9.]+,").Count);
        Assert.Contains("UTC+08:00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_FailRun_StatesTheReasonOfTheFailInWords()
    {
        var (service, run) = await RunAsync("undersized-bv-2.5", "S-PDF-FAIL");
        await using var _ = service;
        Assert.Equal(Outcome.Fail, run.Outcome);

        var pages = PdfTextReader.Pages(await service.Http.GetByteArrayAsync($"/reports/{run.RunId}.pdf"), "fail");
        AssertHeaderAndPages(pages, run.RunId);
        var all = string.Concat(pages);
        Assert.Contains("Overall verdict · 总判定: FAIL 不合格", all, StringComparison.Ordinal);
        Assert.Matches(@"Conductor DC resistance · 导体直流电阻 — core 1 — FAIL 不合格: R20 7\.\d+ Ω/km is above the maximum 7\.41 Ω/km by \d+\.\d %\.", all);

        var html = PdfTextReader.KeepHtml(await service.Http.GetStringAsync($"/reports/{run.RunId}.html"), "fail");
        Assert.Matches(@"R20 7\.\d+ Ω/km is above the maximum 7\.41 Ω/km by \d+\.\d %\.", html);
        Assert.Contains("SIMULATED", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_AbortedRun_SaysHowAndWhyItEnded_FinishedTestsKeepTheirVerdicts()
    {
        await using var service = await InProcessService.StartAsync(true, [.. RunOnSimulatedBenchTests.FastBench, .. LabSettings]);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25("S-PDF-ABORT"));
        var runId = (await bench.StartRunAsync(new StartRunRequest { SampleId = "S-PDF-ABORT", OperatorName = "Wang Fang 王芳" })).RunId;
        await PromptOfStepAsync(bench, runId, "ir-1");
        var aborted = await bench.AbortRunAsync(new AbortRunRequest { RunId = runId, Reason = "wrong sample on the bench" });
        Assert.Equal(RunState.Aborted, aborted.State);

        var pages = PdfTextReader.Pages(await ReportAsync(service, $"/reports/{runId}.pdf"), "aborted");
        AssertHeaderAndPages(pages, runId, minPages: 1);
        var all = string.Concat(pages);
        Assert.Contains("Overall verdict · 总判定: INCOMPLETE 未完成", all, StringComparison.Ordinal);
        Assert.Contains("The run was aborted before every test was made", all, StringComparison.Ordinal);
        Assert.Contains("No conformity statement is made for this sample", all, StringComparison.Ordinal);
        Assert.Contains("wrong sample on the bench", all, StringComparison.Ordinal);
        Assert.Contains("Conductor DC resistance · 导体直流电阻 — core 1 — PASS 合格", all, StringComparison.Ordinal);
        Assert.Matches(@"Ended at · 时间 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+08:00", all);

        var html = PdfTextReader.KeepHtml(await service.Http.GetStringAsync($"/reports/{runId}.html"), "aborted");
        Assert.Contains("wrong sample on the bench", html, StringComparison.Ordinal);
    }

    /// <summary>Answers prompts until one of <paramref name="stepId"/> is pending (the run is then inside that step).</summary>
    private static async Task PromptOfStepAsync(BenchService.BenchServiceClient bench, string runId, string stepId)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var run = await bench.GetRunAsync(new GetRunRequest { RunId = runId }, cancellationToken: cts.Token);
            if (run.PendingPrompt is { PromptId.Length: > 0 } prompt)
            {
                if (prompt.PromptId.StartsWith(stepId + "-", StringComparison.Ordinal))
                {
                    return;
                }

                await bench.AnswerPromptAsync(new AnswerPromptRequest { RunId = runId, PromptId = prompt.PromptId, Acknowledged = true, OperatorName = "test" }, cancellationToken: cts.Token);
            }

            await Task.Delay(25, cts.Token);
        }
    }

    /// <summary>A report, once the run's record is appended (an ending is recorded as the bench goes safe).</summary>
    private static async Task<byte[]> ReportAsync(InProcessService service, string path)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await service.Http.GetAsync(path, cts.Token);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                Assert.True(response.IsSuccessStatusCode, $"{path}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cts.Token)}");
                return await response.Content.ReadAsByteArrayAsync(cts.Token);
            }

            await Task.Delay(100, cts.Token);
        }
    }

    /// <summary>Readings reach the run store from the outbox a moment after the run (LocalReadingsForwarder).</summary>
    private static async Task ReadingsStoredAsync(InProcessService service, string runId)
    {
        var verdict = await new VerdictService.VerdictServiceClient(service.Channel).GetVerdictAsync(new GetVerdictRequest { RunId = runId });
        var wanted = verdict.Tests.SelectMany(t => t.ReadingIds).ToHashSet(StringComparer.Ordinal);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var stored = (await service.Store.GetReadingsAsync(runId, cts.Token)).Select(r => r.ReadingId[..r.ReadingId.LastIndexOf('/')]).ToHashSet(StringComparer.Ordinal);
            if (wanted.IsSubsetOf(stored))
            {
                return;
            }

            await Task.Delay(100, cts.Token);
        }
    }

    private static HttpRequestMessage Approve(string runId, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/runs/{runId}:approve") { Content = JsonContent.Create(body) };
        request.Headers.Add("x-api-key", key);
        return request;
    }
}
