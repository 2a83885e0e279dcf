using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CableTest.Contracts.V1;
using CableTest.Service.Tests.Reports;
using CableTest.Service.Tests.Runs;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace CableTest.Service.Tests.Inspections;

/// <summary>
/// Issue 13 item 2, re-inspections stored with the sample: another lab's results recorded (lims and engineer only, gRPC
/// and JSON), checked as CompareInspections checks them, listed with the sample's runs, and compared in its reports.
/// </summary>
public sealed class RecordExternalInspectionTests(ReinspectionFixture fixture) : IClassFixture<ReinspectionFixture>
{
    private InspectionService.InspectionServiceClient Client => new(fixture.Service.Channel);

    private static Metadata Key(string key) => InProcessService.ApiKey(key);

    [Theory]
    [InlineData(InProcessService.LimsKey, "lims-main")]
    [InlineData(InProcessService.EngineerKey, "eng")]
    public async Task Record_LimsOrEngineer_StoredAndListedWithTheSample(string key, string credential)
    {
        var sampleId = await NewSampleAsync("S-EXT-" + credential);
        var recorded = await Client.RecordExternalInspectionAsync(new RecordExternalInspectionRequest
        {
            SampleId = sampleId,
            ExternalResults = Struct.Parser.ParseJson(External(7.0, 0.05, "Ω/km", "JS-" + credential, sampleId)),
        }, Key(key));

        Assert.Equal((sampleId, "Jiangsu Wire QC · JS-" + credential, Outcome.Pass, credential), (recorded.SampleId, recorded.Label, recorded.Outcome, recorded.RecordedBy));
        var listed = await Client.ListInspectionsAsync(new ListInspectionsRequest { SampleId = sampleId }, Key(InProcessService.TechnicianKey));
        Assert.Empty(listed.Runs);
        var stored = Assert.Single(listed.External);
        Assert.Equal(recorded, stored);
        Assert.Equal(7.0, stored.ExternalResults.Fields["results"].ListValue.Values[0].StructValue.Fields["value"].NumberValue);
    }

    [Theory]
    [InlineData(InProcessService.TechnicianKey)]
    [InlineData(InProcessService.SupervisorKey)]
    public async Task Record_TechnicianOrSupervisor_PermissionDeniedOnGrpcAndJson_NothingStored(string key)
    {
        var sampleId = await NewSampleAsync("S-EXT-NO-" + key[..4]);
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.RecordExternalInspectionAsync(new RecordExternalInspectionRequest
        {
            SampleId = sampleId,
            ExternalResults = Struct.Parser.ParseJson(External(7.0, 0.05, "Ω/km", "R-1", sampleId)),
        }, Key(key)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);

        using var response = await SendAsync(HttpMethod.Post, $"/v1/samples/{sampleId}/inspections", key, Body(External(7.0, 0.05, "Ω/km", "R-2", sampleId)));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await fixture.Service.Store.ListExternalInspectionsAsync(sampleId, default));
    }

    [Fact]
    public async Task RecordOverJson_ListedByTheJsonRouteBesideTheSamplesRuns()
    {
        using var posted = await SendAsync(HttpMethod.Post, $"/v1/samples/{ReinspectionFixture.SampleId}/inspections", InProcessService.LimsKey,
            Body(External(7.0, 0.05, "Ω/km", "JSON-1")));
        var text = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.OK, text);
        var id = ExternalInspection.Parser.ParseJson(text).InspectionId;

        using var listed = await SendAsync(HttpMethod.Get, $"/v1/samples/{ReinspectionFixture.SampleId}/inspections", InProcessService.TechnicianKey, null);
        var list = ListInspectionsResponse.Parser.ParseJson(await listed.Content.ReadAsStringAsync());
        Assert.Equal([fixture.First.RunId, fixture.Second.RunId], list.Runs.Select(r => r.Label));
        Assert.Contains(list.External, x => x.InspectionId == id && x.Label == "Jiangsu Wire QC · JSON-1");
    }

    [Theory]
    [InlineData("mΩ/m", true, "external_results.results[0].unit", "\"mΩ/m\" is not the unit of r20_ohm_per_km (Ω/km)")]
    [InlineData("Ω/km", false, "external_results.results[0].expanded_uncertainty", "required: the expanded uncertainty U of the value, in Ω/km")]
    public async Task RecordWrongUnitOrNoUncertainty_400NamingTheField_NothingStored(string unit, bool withUncertainty, string field, string problem)
    {
        var sampleId = await NewSampleAsync("S-EXT-BAD-" + (withUncertainty ? "U" : "N"));
        var document = External(7.0, withUncertainty ? 0.05 : null, unit, "BAD-1", sampleId);
        using var response = await SendAsync(HttpMethod.Post, $"/v1/samples/{sampleId}/inspections", InProcessService.LimsKey, Body(document));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var status = JsonDocument.Parse(text);
        var violation = Assert.Single(status.RootElement.GetProperty("details").EnumerateArray()
            .Where(d => d.TryGetProperty("fieldViolations", out _)).SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray()));
        Assert.Equal(field, violation.GetProperty("field").GetString());
        Assert.StartsWith(problem, violation.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Empty(await fixture.Service.Store.ListExternalInspectionsAsync(sampleId, default));
    }

    [Fact]
    public async Task RecordUnknownSampleOtherSampleOrTwice_NotFoundInvalidArgumentAlreadyExists()
    {
        var lims = Key(InProcessService.LimsKey);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Client.RecordExternalInspectionAsync(new RecordExternalInspectionRequest
        {
            SampleId = "S-NO-SUCH", ExternalResults = Struct.Parser.ParseJson(External(7.0, 0.05, "Ω/km", "R-1", "S-NO-SUCH")),
        }, lims).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        var sampleId = await NewSampleAsync("S-EXT-TWICE");
        var other = await Assert.ThrowsAsync<RpcException>(() => Client.RecordExternalInspectionAsync(new RecordExternalInspectionRequest
        {
            SampleId = sampleId, ExternalResults = Struct.Parser.ParseJson(External(7.0, 0.05, "Ω/km", "R-1", "OTHER-1")),
        }, lims).ResponseAsync);
        Assert.Equal("external_results.sample_id", Assert.Single(other.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);

        var request = new RecordExternalInspectionRequest { SampleId = sampleId, ExternalResults = Struct.Parser.ParseJson(External(7.0, 0.05, "Ω/km", "R-1", sampleId)) };
        await Client.RecordExternalInspectionAsync(request, lims);
        var twice = await Assert.ThrowsAsync<RpcException>(() => Client.RecordExternalInspectionAsync(request, lims).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Single(await fixture.Service.Store.ListExternalInspectionsAsync(sampleId, default));
    }

    [Fact]
    public async Task Report_SampleWithRecordedExternalResults_ComparedBesideTheOtherRunInHtmlAndPdf()
    {
        var both = await Client.CompareInspectionsAsync(new CompareInspectionsRequest { RunA = fixture.First.RunId, RunB = fixture.Second.RunId }, Key(InProcessService.TechnicianKey));
        var run = both.Quantities[0];
        // The other lab: R20 lower by 0.4 √(Ua² + Ua²) with the same U: En = 0.4 √2 Ua / √(2 Ua²) = 0.40.
        var u = run.ExpandedUncertaintyA;
        var value = run.ValueA - (0.4 * Math.Sqrt(2 * u * u));
        await Client.RecordExternalInspectionAsync(new RecordExternalInspectionRequest
        {
            SampleId = ReinspectionFixture.SampleId,
            ExternalResults = Struct.Parser.ParseJson(External(value, u, "Ω/km", "REPORT-1")),
        }, Key(InProcessService.LimsKey));

        using var htmlResponse = await SendAsync(HttpMethod.Get, $"/reports/{fixture.First.RunId}.html", InProcessService.TechnicianKey, null);
        var html = await htmlResponse.Content.ReadAsStringAsync();
        Assert.True(htmlResponse.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains(fixture.Second.RunId, html, StringComparison.Ordinal); // the other run stays
        Assert.Contains("another lab, Jiangsu Wire QC · REPORT-1 (pass)", html, StringComparison.Ordinal);
        Assert.Matches(@"this run [0-9.]+ ± [0-9.]+ Ω/km · re-inspection [0-9.]+ ± [0-9.]+ Ω/km · En 0\.40 consistent · verdicts agree \(pass / pass\)", html);
        // The order: the other run's comparison first, then the recorded results.
        Assert.True(html.IndexOf(fixture.Second.RunId, StringComparison.Ordinal) < html.IndexOf("REPORT-1", StringComparison.Ordinal));

        using var pdfResponse = await SendAsync(HttpMethod.Get, $"/reports/{fixture.First.RunId}.pdf", InProcessService.TechnicianKey, null);
        var pdf = string.Join('\n', PdfTextReader.Pages(await pdfResponse.Content.ReadAsByteArrayAsync(), "reinspection-external"));
        Assert.Contains("Jiangsu Wire QC · REPORT-1", pdf, StringComparison.Ordinal);
        Assert.Contains("En 0.40 consistent", pdf, StringComparison.Ordinal);
    }

    private async Task<string> NewSampleAsync(string sampleId)
    {
        var bench = new BenchService.BenchServiceClient(fixture.Service.Channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25(sampleId), Key(InProcessService.TechnicianKey));
        return sampleId;
    }

    private static string Body(string document) => "{\"externalResults\": " + document + "}";

    /// <summary>A cabletest.external-inspection/1 document with one conductor result and the withstand's verdict.</summary>
    private static string External(double r20, double? u, string unit, string reportId, string sampleId = ReinspectionFixture.SampleId)
    {
        var uncertainty = u is { } x ? $", \"expanded_uncertainty\": {x.ToString("R", CultureInfo.InvariantCulture)}" : "";
        var value = r20.ToString("R", CultureInfo.InvariantCulture);
        return $$"""{"schema": "cabletest.external-inspection/1", "lab": "Jiangsu Wire QC", "report_id": "{{reportId}}", "sample_id": "{{sampleId}}", "outcome": "pass", "results": [{"test": "conductor_resistance", "core": "1", "quantity": "r20_ohm_per_km", "value": {{value}}, "unit": "{{unit}}"{{uncertainty}}, "outcome": "pass"}, {"test": "voltage_withstand", "core": "all", "outcome": "pass"}]}""";
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Add("x-api-key", key);
        return await fixture.Service.Http.SendAsync(request);
    }
}
