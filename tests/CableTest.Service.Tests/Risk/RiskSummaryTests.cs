using System.Net;
using System.Text.Json;
using CableTest.Contracts.V1;
using CableTest.HardwareSim.Population;
using Grpc.Core;

namespace CableTest.Service.Tests.Risk;

public sealed class RiskSummaryTests(RiskPopulationFixture fixture) : IClassFixture<RiskPopulationFixture>
{
    private RiskService.RiskServiceClient Client => new(fixture.Service.Channel);

    [Fact]
    public async Task GetRiskSummary_SeededPopulation_CopperSaverWarnedOthersNot()
    {
        var summary = await Client.GetRiskSummaryAsync(new GetRiskSummaryRequest(), InProcessService.ApiKey(InProcessService.SupervisorKey));

        Assert.Equal(SpotCheckPopulation.Manufacturers.Select(m => m.Name).Order(StringComparer.Ordinal), summary.ByManufacturer.Select(g => g.Key));
        var manufacturerWarnings = summary.Warnings.Where(w => w.GroupKind == "manufacturer").ToList();
        var warning = Assert.Single(manufacturerWarnings);
        Assert.Equal((SpotCheckPopulation.CopperSaver, "conductor_margin_thin"), (warning.GroupKey, warning.Rule));
        Assert.InRange(warning.Value, 0.98, 1.0);
        Assert.DoesNotContain(summary.Warnings, w => w.GroupKind == "spec");

        // Figures recomputed from the population itself: the copper-saver's samples and failures.
        var saver = summary.ByManufacturer.Single(g => g.Key == SpotCheckPopulation.CopperSaver);
        var own = fixture.Population.Where(s => s.Manufacturer.Name == SpotCheckPopulation.CopperSaver).ToList();
        Assert.Equal(RiskPopulationFixture.SamplesPerManufacturer, saver.SampleCount);
        Assert.Equal(own.Count(s => s.ConductorFails), saver.FailureCount);
        var ratios = own.Select(s => s.R20OhmPerKm / s.Product.MaxR20OhmPerKm).Order().ToArray();
        Assert.Equal(ratios[^1], saver.ConductorR20Ratio.Max, 4);
        Assert.Equal(ratios[0], saver.ConductorR20Ratio.Min, 4);
        Assert.All(summary.ByManufacturer.Where(g => g.Key != SpotCheckPopulation.CopperSaver), g => Assert.True(g.ConductorR20Ratio.Median < 0.96, g.ToString()));
        Assert.Equal(0.98, summary.Rules.ConductorMedianRatioAbove, 12);
    }

    [Fact]
    public async Task GetRiskSummary_ManufacturerAndSpecFilters_OnlyThoseSamples()
    {
        var lims = InProcessService.ApiKey(InProcessService.LimsKey);
        var summary = await Client.GetRiskSummaryAsync(new GetRiskSummaryRequest { Manufacturer = SpotCheckPopulation.CopperSaver, SpecId = "gbt5023.5-227iec02-rv-450/750" }, lims);

        var expected = fixture.Population.Count(s => s.Manufacturer.Name == SpotCheckPopulation.CopperSaver && s.Product.SpecId == "gbt5023.5-227iec02-rv-450/750");
        Assert.Equal(expected, Assert.Single(summary.ByManufacturer).SampleCount);
        Assert.Equal(expected, Assert.Single(summary.BySpec).SampleCount);
    }

    [Theory]
    [InlineData(InProcessService.LimsKey)]
    [InlineData(InProcessService.EngineerKey)]
    [InlineData(InProcessService.SupervisorKey)]
    public async Task GetRiskSummary_SealedRoles_Answered(string key)
    {
        var summary = await Client.GetRiskSummaryAsync(new GetRiskSummaryRequest(), InProcessService.ApiKey(key));

        Assert.Equal(4, summary.ByManufacturer.Count);
    }

    [Fact]
    public async Task GetRiskSummary_Technician_PermissionDeniedOnGrpcAndJson()
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetRiskSummaryAsync(new GetRiskSummaryRequest(), InProcessService.ApiKey(InProcessService.TechnicianKey)));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/risk");
        request.Headers.Add("x-api-key", InProcessService.TechnicianKey);
        using var response = await fixture.Service.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(SpotCheckPopulation.CopperSaver, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRiskSummary_JsonRouteForLims_WarningsAndGroups()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/risk?manufacturer=" + Uri.EscapeDataString(SpotCheckPopulation.CopperSaver));
        request.Headers.Add("x-api-key", InProcessService.LimsKey);
        using var response = await fixture.Service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var group = Assert.Single(json.RootElement.GetProperty("byManufacturer").EnumerateArray());
        Assert.Equal(RiskPopulationFixture.SamplesPerManufacturer, group.GetProperty("sampleCount").GetInt32());
        Assert.Equal("conductor_margin_thin", json.RootElement.GetProperty("warnings")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task GetRiskSummary_OverlongManufacturer_InvalidArgumentNamingTheField()
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetRiskSummaryAsync(new GetRiskSummaryRequest { Manufacturer = new string('x', 201) }, InProcessService.ApiKey(InProcessService.LimsKey)));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("manufacturer", e.Status.Detail, StringComparison.Ordinal);
    }
}
