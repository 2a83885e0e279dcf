using System.Net;
using CableTest.Contracts.V1;
using CableTest.Service.Tests.Reports;
using Google.Protobuf;
using Grpc.Core;

namespace CableTest.Service.Tests.Sampling;

/// <summary>
/// Issue 13 item 1: a technician's key never sees a manufacturer or any other sampling field on any route that can show a
/// sample or a verdict (gRPC, JSON, the dashboard's JSON and run events, the HTML and PDF reports); a lims, engineer or
/// supervisor key sees the sealed record wherever the sample is shown.
/// </summary>
public sealed class SealedSamplingRouteTests(SealedSampleFixture fixture) : IClassFixture<SealedSampleFixture>
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default);

    [Fact]
    public void RegisterSample_Lims_AnswerCarriesTheRecordItRegistered()
    {
        Assert.Equal(SealedSampleFixture.Record(), fixture.Registered.SamplingRecord);
        Assert.Equal(SealedSampleFixture.SampleId, fixture.Registered.SampleId);
    }

    [Fact]
    public async Task EveryRoute_TechnicianKey_NoSamplingWordAnywhere()
    {
        var shown = await ShowEverythingAsync(InProcessService.TechnicianKey);
        Assert.Equal(20, shown.Count);
        foreach (var (route, text) in shown)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), route + " showed nothing");
            if (!route.EndsWith("/readings", StringComparison.Ordinal)) // readings reach the store from the outbox a moment after the run
            {
                Assert.Contains(SealedSampleFixture.SampleId, text, StringComparison.Ordinal); // the coded sample is there...
            }

            foreach (var word in SealedSampleFixture.SealedWords)
            {
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{route} shows '{word}' to a technician"); // ...its sealed record never
            }

            Assert.DoesNotContain("samplingRecord", text, StringComparison.Ordinal);
            Assert.DoesNotContain("sampling_record", text, StringComparison.Ordinal);
            Assert.DoesNotContain("抽样信息", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(InProcessService.LimsKey)]
    [InlineData(InProcessService.EngineerKey)]
    [InlineData(InProcessService.SupervisorKey)]
    public async Task SampleRoutesAndReports_SealedRoles_ShowTheWholeRecord(string key)
    {
        var shown = (await ShowEverythingAsync(key)).ToDictionary(s => s.Route, s => s.Text);
        foreach (var route in new[] { "grpc GetSample", "json /v1/samples/{id}", "html report", "pdf report" })
        {
            foreach (var word in SealedSampleFixture.SealedWords)
            {
                Assert.True(shown[route].Contains(word, StringComparison.Ordinal), $"{route} does not show '{word}' to {key}");
            }
        }

        var sample = Sample.Parser.ParseJson(shown["json /v1/samples/{id}"]);
        Assert.Equal(SealedSampleFixture.Record(), sample.SamplingRecord);
        Assert.Contains("Sampling record (sealed) · 抽样信息", shown["html report"], StringComparison.Ordinal);
        Assert.Contains("Production date · 生产日期 2026-10-15", shown["pdf report"], StringComparison.Ordinal);
        // Verdicts carry no sampling data for anyone: the evidence document and its hashes stay what the run produced.
        Assert.DoesNotContain("Sealwire", shown["grpc ListVerdicts"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSample_CodedSampleWithoutRecord_NoRecordForAnyRole()
    {
        var bench = new BenchService.BenchServiceClient(fixture.Service.Channel);
        var coded = await bench.RegisterSampleAsync(Runs.RunOnSimulatedBenchTests.Bv25("CODED-ONLY-1"), InProcessService.ApiKey(InProcessService.TechnicianKey));
        Assert.Null(coded.SamplingRecord);
        var asSupervisor = await bench.GetSampleAsync(new GetSampleRequest { SampleId = "CODED-ONLY-1" }, InProcessService.ApiKey(InProcessService.SupervisorKey));
        Assert.Null(asSupervisor.SamplingRecord);
        Assert.Equal("LIMS-CODED-ONLY-1", asSupervisor.LimsOrder);
    }

    /// <summary>Every route that can show the fixture's sample or its verdict, as text, for one key.</summary>
    private async Task<List<(string Route, string Text)>> ShowEverythingAsync(string key)
    {
        var headers = InProcessService.ApiKey(key);
        var channel = fixture.Service.Channel;
        var bench = new BenchService.BenchServiceClient(channel);
        var verdicts = new VerdictService.VerdictServiceClient(channel);
        var sampleId = SealedSampleFixture.SampleId;
        var runId = fixture.Run.RunId;
        var shown = new List<(string, string)>
        {
            ("grpc GetSample", Json.Format(await bench.GetSampleAsync(new GetSampleRequest { SampleId = sampleId }, headers))),
            ("grpc GetRun", Json.Format(await bench.GetRunAsync(new GetRunRequest { RunId = runId }, headers))),
            ("grpc ListRuns", Json.Format(await bench.ListRunsAsync(new ListRunsRequest { SampleId = sampleId }, headers))),
            ("grpc GetVerdict run", Json.Format(await verdicts.GetVerdictAsync(new GetVerdictRequest { RunId = runId }, headers))),
            ("grpc GetVerdict sample", Json.Format(await verdicts.GetVerdictAsync(new GetVerdictRequest { SampleId = sampleId }, headers))),
            ("grpc ListVerdicts", Json.Format(await verdicts.ListVerdictsAsync(new ListVerdictsRequest { SampleId = sampleId }, headers))),
        };

        using (var watch = bench.WatchRun(new WatchRunRequest { RunId = runId }, headers))
        {
            var events = new List<string>();
            await foreach (var e in watch.ResponseStream.ReadAllAsync())
            {
                events.Add(Json.Format(e));
            }

            shown.Add(("grpc WatchRun", string.Join('\n', events)));
        }

        using (var stream = verdicts.StreamVerdicts(new StreamVerdictsRequest { Subscriber = "sealed-test-" + key[..4], AfterSequence = 0, BacklogOnly = true }, headers))
        {
            var all = new List<string>();
            await foreach (var v in stream.ResponseStream.ReadAllAsync())
            {
                all.Add(Json.Format(v));
            }

            shown.Add(("grpc StreamVerdicts", string.Join('\n', all)));
        }

        foreach (var path in new[]
                 {
                     $"/v1/samples/{sampleId}", $"/v1/runs/{runId}", $"/v1/runs?sampleId={sampleId}", $"/v1/verdicts:get?runId={runId}",
                     $"/v1/verdicts?sampleId={sampleId}", $"/v1/verdicts?sampleId={sampleId}&newestFirst=true", $"/events/runs/{runId}",
                     $"/dashboard/runs/{runId}/results", $"/dashboard/runs/{runId}/readings",
                 })
        {
            shown.Add(("json " + path.Replace(sampleId, "{id}", StringComparison.Ordinal).Replace(runId, "{run}", StringComparison.Ordinal), await GetTextAsync(path, key)));
        }

        shown.Add(("html report", await GetTextAsync($"/reports/{runId}.html", key)));
        using (var pdf = await GetAsync($"/reports/{runId}.pdf", key))
        {
            shown.Add(("pdf report", string.Join('\n', PdfTextReader.Pages(await pdf.Content.ReadAsByteArrayAsync(), "sealed-" + key[..4]))));
        }

        using (var bundle = await GetAsync($"/evidence/{runId}.zip", key))
        using (var zip = new System.IO.Compression.ZipArchive(await bundle.Content.ReadAsStreamAsync()))
        {
            var members = new List<string>();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                members.Add(entry.FullName + "\n" + await reader.ReadToEndAsync());
            }

            shown.Add(("evidence bundle", string.Join('\n', members)));
        }

        return shown;
    }

    private async Task<string> GetTextAsync(string path, string key)
    {
        using var response = await GetAsync(path, key);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", key);
        var response = await fixture.Service.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
