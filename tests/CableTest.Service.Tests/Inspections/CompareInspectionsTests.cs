using System.Net;
using System.Text;
using System.Text.Json;
using CableTest.Contracts.V1;
using CableTest.Service.Tests.Reports;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace CableTest.Service.Tests.Inspections;

/// <summary>
/// Issue 13 item 2 at the service: CompareInspections over gRPC and JSON on real runs (two runs of one sample on the
/// simulated bench, with their uncertainty budgets), another lab's results, refusals naming the field, and the report's
/// comparison section.
/// </summary>
public sealed class CompareInspectionsTests(ReinspectionFixture fixture) : IClassFixture<ReinspectionFixture>
{
    private InspectionService.InspectionServiceClient Client => new(fixture.Service.Channel);

    private static Metadata Key(string key = InProcessService.TechnicianKey) => InProcessService.ApiKey(key);

    [Theory]
    [InlineData(InProcessService.TechnicianKey)]
    [InlineData(InProcessService.LimsKey)]
    [InlineData(InProcessService.SupervisorKey)]
    public async Task TwoRunsOfOneSample_EveryQuantityWithBothResultsTheirUAndEn(string key)
    {
        var response = await Client.CompareInspectionsAsync(new CompareInspectionsRequest { RunA = fixture.First.RunId, RunB = fixture.Second.RunId }, Key(key));

        Assert.Equal((fixture.First.RunId, "run", ReinspectionFixture.SampleId), (response.A.Label, response.A.Source, response.A.SampleId));
        Assert.Equal(fixture.Second.RunId, response.B.Label);
        Assert.Equal(
            ["conductor_resistance core 1 r20_ohm_per_km", "insulation_resistance core 1 r_l_mohm_km", "voltage_withstand core all"],
            response.Quantities.Select(q => q.Key));
        foreach (var q in response.Quantities.Where(q => q.Quantity.Length > 0))
        {
            Assert.True(q.HasValueA && q.HasValueB && q.ExpandedUncertaintyA > 0 && q.ExpandedUncertaintyB > 0, q.ToString());
            // En recomputed from the values and uncertainties the response states: (x1 − x2) / √(U1² + U2²).
            var en = (q.ValueA - q.ValueB) / Math.Sqrt((q.ExpandedUncertaintyA * q.ExpandedUncertaintyA) + (q.ExpandedUncertaintyB * q.ExpandedUncertaintyB));
            Assert.Equal(en, q.NormalisedError, 12);
            Assert.Equal(Math.Abs(en) <= 1 ? "consistent" : "inconsistent", q.Agreement);
            Assert.True(q.VerdictsAgree);
        }

        var withstand = response.Quantities[2];
        Assert.Equal(("verdict_only", false, true), (withstand.Agreement, withstand.HasNormalisedError, withstand.VerdictsAgree));
        Assert.Equal(2, response.Compared);
        Assert.True(response.Consistent, response.ToString()); // the same simulated cable measured twice
        Assert.True(response.VerdictsAgree);
        Assert.Empty(response.Disagreeing);
        Assert.DoesNotContain("samplingRecord", response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeededRunsWithoutBudgets_NoUncertaintyAndVerdictsDiffer()
    {
        // R-00001 (0.0700 Ω over 10 m: pass) and R-00004 (0.0800 Ω: fail), both of sample S-1, recorded without budgets.
        var response = await Client.CompareInspectionsAsync(new CompareInspectionsRequest { RunA = "R-00001", RunB = "R-00004" }, Key());

        var r20 = Assert.Single(response.Quantities);
        Assert.Equal(("no_uncertainty", false, false, false), (r20.Agreement, r20.HasNormalisedError, r20.HasExpandedUncertaintyA, r20.VerdictsAgree));
        Assert.False(response.Consistent);
        Assert.False(response.VerdictsAgree);
        Assert.Equal(["conductor_resistance core 1 r20_ohm_per_km"], response.Disagreeing);
    }

    [Fact]
    public async Task RunsOfTwoSamples_InvalidArgumentNamingRunB()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CompareInspectionsAsync(new CompareInspectionsRequest { RunA = fixture.First.RunId, RunB = fixture.Single.RunId }, Key()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var violation = Assert.Single(e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("run_b", violation.Field);
        Assert.Contains($"is of sample {ReinspectionFixture.SingleSampleId}, not {ReinspectionFixture.SampleId}", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRunAndNoSecond_NotFoundAndInvalidArgument()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CompareInspectionsAsync(new CompareInspectionsRequest { RunA = "no-such-run", RunB = fixture.First.RunId }, Key()).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var none = await Assert.ThrowsAsync<RpcException>(() => Client.CompareInspectionsAsync(new CompareInspectionsRequest { RunA = fixture.First.RunId }, Key()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, none.StatusCode);
    }

    [Fact]
    public async Task ExternalResultsOverJson_EnFromTheFileAndTheRun()
    {
        var run = await ConductorAsync();
        // The other lab: R20 lower by 0.3 √(Ua² + Ua²) with the same U: En = 0.3 √2 Ua / √(2 Ua²) = 0.30.
        var u = run.ExpandedUncertaintyA;
        var other = run.ValueA - (0.3 * Math.Sqrt(2 * u * u));
        var body = Body(fixture.First.RunId, other, u, "Ω/km", withUncertainty: true);

        using var response = await PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var parsed = CompareInspectionsResponse.Parser.ParseJson(text);
        Assert.Equal(("external", "Zhejiang Cable QC Centre · ZJ-2026-1187"), (parsed.B.Source, parsed.B.Label));
        var r20 = parsed.Quantities.Single(q => q.Quantity == "r20_ohm_per_km");
        Assert.Equal(0.30, r20.NormalisedError, 9);
        Assert.Equal(("consistent", true), (r20.Agreement, r20.VerdictsAgree));
        Assert.Equal("only_in_a", parsed.Quantities.Single(q => q.Quantity == "r_l_mohm_km").Agreement);
        Assert.True(parsed.Consistent);
    }

    [Theory]
    [InlineData("mΩ/m", true, "external_results.results[0].unit", "\"mΩ/m\" is not the unit of r20_ohm_per_km (Ω/km)")]
    [InlineData("Ω/km", false, "external_results.results[0].expanded_uncertainty", "required: the expanded uncertainty U of the value, in Ω/km")]
    public async Task ExternalResultsWrongUnitOrNoUncertainty_400NamingTheField(string unit, bool withUncertainty, string field, string problem)
    {
        using var response = await PostAsync(Body(fixture.First.RunId, 7.0, 0.05, unit, withUncertainty));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var status = JsonDocument.Parse(text);
        var violation = Assert.Single(status.RootElement.GetProperty("details").EnumerateArray()
            .Where(d => d.TryGetProperty("fieldViolations", out _)).SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray()));
        Assert.Equal(field, violation.GetProperty("field").GetString());
        Assert.StartsWith(problem, violation.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalResultsOfAnotherSample_InvalidArgumentNamingSampleId()
    {
        var document = Struct.Parser.ParseJson(External(7.0, 0.05, "Ω/km", true, sampleId: "OTHER-1"));
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CompareInspectionsAsync(new CompareInspectionsRequest { RunA = fixture.First.RunId, ExternalResults = document }, Key()).ResponseAsync);
        Assert.Equal("external_results.sample_id", Assert.Single(e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task Report_RunWithReinspection_HtmlAndPdfHaveTheComparison_RunWithoutHasNone()
    {
        var html = await GetStringAsync($"/reports/{fixture.First.RunId}.html");
        Assert.Contains("Re-inspection comparison · 复检比对", html, StringComparison.Ordinal);
        Assert.Contains(fixture.Second.RunId, html, StringComparison.Ordinal);
        Assert.Contains("consistent: every |En| ≤ 1 (2 compared)", html, StringComparison.Ordinal);
        Assert.Matches(@"this run [0-9.]+ ± [0-9.]+ Ω/km · re-inspection [0-9.]+ ± [0-9.]+ Ω/km · En −?[0-9]\.[0-9]{2} consistent · verdicts agree \(pass / pass\)", html);

        using var pdfResponse = await SendAsync(HttpMethod.Get, $"/reports/{fixture.First.RunId}.pdf", null);
        var pdf = string.Join('\n', PdfTextReader.Pages(await pdfResponse.Content.ReadAsByteArrayAsync(), "reinspection"));
        Assert.Contains("Re-inspection comparison · 复检比对", pdf, StringComparison.Ordinal);
        Assert.Contains(fixture.Second.RunId, pdf, StringComparison.Ordinal);

        var single = await GetStringAsync($"/reports/{fixture.Single.RunId}.html");
        Assert.DoesNotContain("Re-inspection comparison", single, StringComparison.Ordinal);
    }

    private async Task<QuantityComparison> ConductorAsync()
    {
        var both = await Client.CompareInspectionsAsync(new CompareInspectionsRequest { RunA = fixture.First.RunId, RunB = fixture.Second.RunId }, Key());
        return both.Quantities[0];
    }

    private static string Body(string runA, double r20, double u, string unit, bool withUncertainty) =>
        "{\"runA\": \"" + runA + "\", \"externalResults\": " + External(r20, u, unit, withUncertainty) + "}";

    /// <summary>A cabletest.external-inspection/1 document with one conductor result and the withstand's verdict.</summary>
    private static string External(double r20, double u, string unit, bool withUncertainty, string sampleId = ReinspectionFixture.SampleId)
    {
        var uncertainty = withUncertainty ? $", \"expanded_uncertainty\": {u.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}" : "";
        var value = r20.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return $$"""{"schema": "cabletest.external-inspection/1", "lab": "Zhejiang Cable QC Centre", "report_id": "ZJ-2026-1187", "sample_id": "{{sampleId}}", "outcome": "pass", "results": [{"test": "conductor_resistance", "core": "1", "quantity": "r20_ohm_per_km", "value": {{value}}, "unit": "{{unit}}"{{uncertainty}}, "outcome": "pass"}, {"test": "voltage_withstand", "core": "all", "outcome": "pass"}]}""";
    }

    private Task<HttpResponseMessage> PostAsync(string body) => SendAsync(HttpMethod.Post, "/v1/inspections:compare", body);

    private async Task<string> GetStringAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return text;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Add("x-api-key", InProcessService.TechnicianKey);
        return await fixture.Service.Http.SendAsync(request);
    }
}
