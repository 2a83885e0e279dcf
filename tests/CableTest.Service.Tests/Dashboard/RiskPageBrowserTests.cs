using System.Globalization;
using CableTest.HardwareSim.Population;
using CableTest.Service.Grpc.Risk;
using CableTest.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace CableTest.Service.Tests.Dashboard;

/// <summary>
/// The risk page (wwwroot/risk.html) in headless Chromium over a service (no anonymous callers) holding the simulated
/// spot-check population (4 manufacturers × 40 samples, one copper-saving): refused in words without a key and with a
/// technician's, then for a supervisor's key the copper-saver's row carries the warning and no other row does, every
/// row has its two box plots drawn from the summary, and the Chinese switch changes the headings. Screenshots are kept
/// under artifacts/screenshots.
/// </summary>
public sealed class RiskPageBrowserTests : IAsyncLifetime
{
    private const int SamplesPerManufacturer = 40;

    private InProcessService service = null!;
    private ChromeDriverService? driverService;
    private ChromeDriver browser = null!;

    private static string Shots => RepoPaths.InRepo("artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = RequiredTool.Find("chromium", "chromium");
        var chromedriver = RequiredTool.Find("chromedriver", "chromium-driver");
        service = await InProcessService.StartAsync(false);
        await SpotCheckSeeder.SeedAsync(service.Store, SpotCheckPopulation.Generate(SamplesPerManufacturer, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)), default);
        Directory.CreateDirectory(Shots);
        driverService = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        driverService.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1300", "--lang=en-US");
        browser = new ChromeDriver(driverService, options, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        browser.Quit();
        browser.Dispose();
        driverService?.Dispose();
        await service.DisposeAsync();
    }

    [Fact]
    public async Task RiskPage_SupervisorKey_CopperSaverRowWarned_BoxPlotsDrawn_RefusalsInWords_Chinese()
    {
        browser.Navigate().GoToUrl(service.Address + "/favicon.svg");
        Js("localStorage.setItem('cabletest.lang', 'en');");
        browser.Navigate().GoToUrl(service.Address + "/");
        Assert.EndsWith("/risk.html", ByTestId("risk-link").GetAttribute("href"), StringComparison.Ordinal);
        browser.Navigate().GoToUrl(service.Address + "/risk.html");

        // Without a key, then with a technician's: refused, in words naming the roles that may read it.
        await DashboardFixture.WaitAsync(() => ByTestId("risk-error").Text.Contains("(401)", StringComparison.Ordinal), "the 401 said on the page");
        await LoadWithAsync(InProcessService.TechnicianKey);
        await DashboardFixture.WaitAsync(() => ByTestId("risk-error").Text.Contains("(403)", StringComparison.Ordinal), "the 403 said on the page");
        Assert.Contains("needs the lims, engineer or supervisor role", ByTestId("risk-error").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindElements(By.CssSelector("[data-testid=risk-row]")));
        Assert.DoesNotContain(SpotCheckPopulation.CopperSaver, browser.PageSource, StringComparison.Ordinal);

        await LoadWithAsync(InProcessService.SupervisorKey);
        await DashboardFixture.WaitAsync(() => ManufacturerRows().Count == 4, "four manufacturer rows");
        Assert.False(ByTestId("risk-error").Displayed);
        Assert.Equal(InProcessService.SupervisorKey, Text("return sessionStorage.getItem('cabletest.riskKey')"));
        Assert.Equal("", Text("return localStorage.getItem('cabletest.riskKey') ?? ''"));

        var rows = ManufacturerRows();
        Assert.Equal(SpotCheckPopulation.Manufacturers.Select(m => m.Name).Order(StringComparer.Ordinal), rows.Select(r => r.Key));
        var saver = Assert.Single(rows, r => r.Warned);
        Assert.Equal(SpotCheckPopulation.CopperSaver, saver.Key);
        Assert.Contains("Conductor margin thin", saver.Warnings, StringComparison.Ordinal);
        Assert.All(rows.Where(r => r != saver), r => Assert.Equal("", r.Warnings));
        Assert.Equal("rgb(255, 244, 224)", Text($"return getComputedStyle(document.querySelector(\"[data-testid=risk-manufacturer] tr[data-key='{saver.Key}']\")).backgroundColor"));
        Assert.Equal(SpotCheckPopulation.CopperSaver, Text("return document.querySelector('[data-testid=risk-warning]').dataset.key"));
        Assert.Matches(@"^\d+\.\d %\d+\.\d %–\d+\.\d %$", saver.FailureRate);

        // Two box plots per manufacturer (conductor, insulation), each over the group's 40 samples with its box,
        // median, whiskers and extremes; the conductor plot has the limit (1.0) and warning (0.98) lines, and the
        // copper-saver's median is drawn right of the warning line while every other median is left of it.
        foreach (var row in rows)
        {
            Assert.Equal($"{SamplesPerManufacturer} {SamplesPerManufacturer}", row.PlotCounts);
            Assert.Equal("1 1 1 2 2", row.ConductorMarks);
            Assert.Equal("1 0.98", row.ConductorLines);
            Assert.True(row.Key == saver.Key ? row.MedianX > row.WarnX : row.MedianX < row.WarnX, $"{row.Key}: median at x {row.MedianX}, 0.98 at x {row.WarnX}");
            Assert.True(row.WarnX < row.LimitX, row.Key);
        }

        Assert.True(browser.FindElements(By.CssSelector("[data-testid=risk-spec] [data-testid=risk-row] svg.boxplot rect.box")).Count >= 4, "spec rows drawn");
        await AssertTrendAsync(saver.Key);
        Assert.Equal("", Text("return [...document.querySelectorAll('.table-wrap')].filter(w => w.scrollWidth > w.clientWidth).map(w => w.scrollWidth + ' > ' + w.clientWidth).join(', ') + (document.documentElement.scrollWidth > window.innerWidth ? ' page' : '')"));
        Screenshot("risk-1280");

        ByTestId("lang").Click();
        Assert.Equal("按生产企业", ByTestId("risk-manufacturer-heading").Text);
        Assert.Equal("风险预警", Text("return document.title"));
        Assert.Contains("导体电阻裕度过小", ManufacturerRows().Single(r => r.Warned).Warnings, StringComparison.Ordinal);
        Assert.Equal("月度趋势：各生产企业导体 R20 / 限值的中位数", ByTestId("risk-trend-heading").Text);
        Assert.Contains("样品", Text("return document.querySelector('[data-testid=trend-series] circle.point title').textContent"), StringComparison.Ordinal);
        Screenshot("risk-1280-zh");
        ByTestId("lang").Click();
        Assert.Equal("By manufacturer", ByTestId("risk-manufacturer-heading").Text);

        // On a tablet the page itself does not scroll sideways (a table may, inside its frame).
        browser.Manage().Window.Size = new System.Drawing.Size(820, 1180);
        Assert.Equal("true", Text("return String(document.documentElement.scrollWidth <= window.innerWidth)"));
        Screenshot("risk-820-tablet");
    }

    /// <summary>
    /// The monthly trend drawn as the service computes it: one line per manufacturer, one point per month of its trend
    /// with the month's median R20/limit, samples and failures; the copper-saver's line marked warned and drawn above every
    /// other manufacturer's in each month (its monthly medians are 0.97 or more, the others' at most 0.955), the limit and
    /// warning lines in their places.
    /// </summary>
    private async Task AssertTrendAsync(string saverKey)
    {
        var client = new CableTest.Contracts.V1.RiskService.RiskServiceClient(service.Channel);
        var summary = await client.GetRiskSummaryAsync(new CableTest.Contracts.V1.GetRiskSummaryRequest(), InProcessService.ApiKey(InProcessService.SupervisorKey));
        var drawn = Text("""
            return [...document.querySelectorAll('[data-testid=risk-trend] [data-testid=trend-series]')].map(g => [g.dataset.key, g.classList.contains('warned'),
              [...g.querySelectorAll('circle.point')].map(c => [c.dataset.period, c.dataset.value, c.dataset.samples, c.dataset.failures, c.getAttribute('cy')].join(' ')).join(';')].join('\t')).join('\n');
            """).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToDictionary(c => c[0], c => (Warned: c[1] == "True" || c[1] == "true",
                Points: c[2].Split(';').Select(p => p.Split(' ')).ToDictionary(p => p[0], p => (Value: double.Parse(p[1], CultureInfo.InvariantCulture),
                    Samples: int.Parse(p[2], CultureInfo.InvariantCulture), Failures: int.Parse(p[3], CultureInfo.InvariantCulture), Y: double.Parse(p[4], CultureInfo.InvariantCulture)))));

        Assert.Equal(summary.ByManufacturer.Select(g => g.Key).Order(StringComparer.Ordinal), drawn.Keys.Order(StringComparer.Ordinal));
        foreach (var group in summary.ByManufacturer)
        {
            var series = drawn[group.Key];
            Assert.Equal(group.Key == saverKey, series.Warned);
            Assert.True(group.Trend.Count >= 6, $"{group.Key}: {group.Trend.Count} months"); // 40 samples over the 180 days before 30 Nov
            Assert.Equal(group.Trend.Select(p => p.Period), series.Points.Keys);
            foreach (var point in group.Trend)
            {
                var (value, samples, failures, _) = series.Points[point.Period];
                Assert.Equal(point.ConductorR20RatioMedian, value, 12);
                Assert.Equal((point.SampleCount, point.FailureCount), (samples, failures));
            }
        }

        var saver = drawn[saverKey].Points;
        foreach (var (key, series) in drawn.Where(d => d.Key != saverKey))
        {
            Assert.All(series.Points, p => Assert.True(saver[p.Key].Y < p.Value.Y, $"{p.Key}: the copper-saver at y {saver[p.Key].Y}, {key} at y {p.Value.Y}"));
        }

        var limitY = double.Parse(Text("return document.querySelector('[data-testid=risk-trend] line.ref.limit').getAttribute('y1')"), CultureInfo.InvariantCulture);
        var warnY = double.Parse(Text("return document.querySelector('[data-testid=risk-trend] line.ref.warn').getAttribute('y1')"), CultureInfo.InvariantCulture);
        Assert.True(limitY < warnY, $"1.0 at y {limitY} above 0.98 at y {warnY}");
        Assert.All(drawn.Where(d => d.Key != saverKey).SelectMany(d => d.Value.Points.Values), p => Assert.True(p.Y > warnY, $"a comfortable month at y {p.Y}, below the 0.98 line at {warnY}"));
    }

    private async Task LoadWithAsync(string key)
    {
        var input = ByTestId("risk-key");
        input.Clear();
        input.SendKeys(key);
        ByTestId("risk-load").Click();
        await DashboardFixture.WaitAsync(() => Text("return sessionStorage.getItem('cabletest.riskKey')") == key, "the key kept for the session");
    }

    private sealed record ManufacturerRow(string Key, bool Warned, string Warnings, string FailureRate, string PlotCounts, string ConductorMarks,
        string ConductorLines, double MedianX, double WarnX, double LimitX);

    private List<ManufacturerRow> ManufacturerRows() => Text("""
            return [...document.querySelectorAll('[data-testid=risk-manufacturer] [data-testid=risk-row]')].map(r => {
              const plots = [...r.querySelectorAll('svg.boxplot')];
              const c = plots[0];
              const n = s => c.querySelectorAll(s).length;
              const x = s => c.querySelector(s)?.getAttribute('x1') ?? 'NaN';
              return [r.dataset.key, r.dataset.warned, r.querySelector('[data-testid=row-warnings]').textContent,
                r.querySelector('[data-testid=failure-rate]').textContent, plots.map(p => p.dataset.count).join(' '),
                [n('rect.box'), n('line.median'), n('line.whisker'), n('line.whisker-end'), n('circle.extreme')].join(' '),
                [...c.querySelectorAll('line.ref')].map(l => l.dataset.value).join(' '),
                x('line.median'), x('line.ref.warn'), x('line.ref.limit')].join('\t');
            }).join('\n');
            """).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var c = line.Split('\t');
            return new ManufacturerRow(c[0], c[1] == "true", c[2], c[3], c[4], c[5], c[6],
                double.Parse(c[7], CultureInfo.InvariantCulture), double.Parse(c[8], CultureInfo.InvariantCulture), double.Parse(c[9], CultureInfo.InvariantCulture));
        }).ToList();

    private IWebElement ByTestId(string testId) => browser.FindElement(By.CssSelector($"[data-testid='{testId}']"));

    private object? Js(string script) => ((IJavaScriptExecutor)browser).ExecuteScript(script);

    private string Text(string script) => Convert.ToString(Js(script), CultureInfo.InvariantCulture) ?? "";

    private void Screenshot(string name) => browser.GetScreenshot().SaveAsFile(Path.Combine(Shots, $"dashboard-{name}.png"));
}
