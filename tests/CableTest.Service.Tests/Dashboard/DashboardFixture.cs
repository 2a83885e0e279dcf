using CableTest.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace CableTest.Service.Tests.Dashboard;

/// <summary>
/// One service on the simulated bench and one headless Chromium (Debian chromium + chromium-driver) for every
/// dashboard test: 19 verdicts seeded, then three runs made from the page as a technician would (a pass, a fail on an
/// undersized conductor made in Chinese, and a run aborted mid-dwell), 22 verdicts in all. The bench runs at 60x with 20 ms polls so
/// the withstand curve has its ramp, dwell and ramp down.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const int SeededVerdicts = 19;
    public const string Spec = "gbt5023.3-227iec01-bv-450/750";

    private ChromeDriverService? driverService;

    public InProcessService Service { get; private set; } = null!;

    public ChromeDriver Browser { get; private set; } = null!;

    public string Shots { get; } = RepoPaths.InRepo("artifacts", "screenshots");

    public string PassRunId { get; private set; } = "";

    public string FailRunId { get; private set; } = "";

    public string AbortedRunId { get; private set; } = "";

    /// <summary>Whether the page's ABORT was clicked while the withstand test ran (false: the run ended first).</summary>
    public bool AbortClicked { get; private set; }

    /// <summary>How many withstand points the page had drawn live when ABORT was clicked.</summary>
    public int WithstandPointsAtAbort { get; private set; }

    /// <summary>The prompts of the fail run as the page showed them in Chinese.</summary>
    public List<string> ChinesePrompts { get; } = [];

    /// <summary>Points the withstand chart had drawn while the pass run was still in its dwell.</summary>
    public int LiveWithstandPoints { get; private set; }

    public async Task InitializeAsync()
    {
        var chromium = RequiredTool.Find("chromium", "chromium");
        var chromedriver = RequiredTool.Find("chromedriver", "chromium-driver");
        Service = await InProcessService.StartAsync(true,
            "--Bench:Simulator:TimeScale=60", "--Bench:PollInterval=00:00:00.02", "--Bench:ResistanceReadings=5");
        Directory.CreateDirectory(Shots);
        driverService = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        driverService.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1500", "--lang=en-US");
        Browser = new ChromeDriver(driverService, options, TimeSpan.FromSeconds(60));

        await VerdictSeeds.AppendAsync(Service.Store, 1, SeededVerdicts);
        Open("");
        PassRunId = await RunFromThePageAsync("S-DASH-PASS", crossSectionMm2: "2.5", live: true);
        Open("", "zh");
        FailRunId = await RunFromThePageAsync("S-DASH-FAIL", crossSectionMm2: "4");
        Open("");
        AbortedRunId = await RunFromThePageAsync("S-DASH-ABORT", crossSectionMm2: "2.5", abortInDwell: true);
    }

    public async Task DisposeAsync()
    {
        Browser.Quit();
        Browser.Dispose();
        driverService?.Dispose();
        await Service.DisposeAsync();
    }

    /// <summary>Opens the dashboard (in English, unless a test switches) showing <paramref name="runId"/> when given.</summary>
    public void Open(string runId, string lang = "en")
    {
        Browser.Navigate().GoToUrl(Service.Address + "/favicon.svg");
        Js($"localStorage.setItem('cabletest.lang', '{lang}');");
        Browser.Navigate().GoToUrl(Service.Address + "/" + (runId.Length > 0 ? "#run=" + runId : ""));
    }

    public object? Js(string script, params object[] args) => ((IJavaScriptExecutor)Browser).ExecuteScript(script, args);

    public string Text(string script, params object[] args) => Convert.ToString(Js(script, args), System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public IWebElement ByTestId(string testId) => Browser.FindElement(By.CssSelector($"[data-testid='{testId}']"));

    public void Screenshot(string name) => Browser.GetScreenshot().SaveAsFile(Path.Combine(Shots, $"dashboard-{name}.png"));

    /// <summary>Waits until the shown run has ended and its results and stored readings are drawn.</summary>
    public Task RunShownAsync(string runId) => WaitAsync(() =>
        Text("return document.getElementById('run-id').textContent") == runId
        && Text("return document.getElementById('banner').dataset.outcome").StartsWith("OUTCOME_", StringComparison.Ordinal)
        && Text("return document.querySelectorAll('[data-testid=measurement-row]').length") != "0"
        && Text("return document.getElementById('chart-resistance').dataset.points") != "0", $"run {runId} shown with its results");

    private async Task<string> RunFromThePageAsync(string sampleId, string crossSectionMm2, bool live = false, bool abortInDwell = false)
    {
        await WaitAsync(() => Browser.FindElements(By.CssSelector($"[data-testid='spec'] option[value='{Spec}']")).Count > 0, "product specs loaded");
        Js("""
            const f = document.getElementById('start-form');
            f.specId.value = arguments[0];
            f.conductorClass.value = '1';
            f.crossSectionMm2.value = arguments[1];
            f.cores.value = '1';
            f.lengthM.value = '100';
            f.conductorDiameterMm.value = '1.78';
            f.insulationOuterDiameterMm.value = '3.38';
            f.sampleId.value = '';
            f.operatorName.value = '';
            """, Spec, crossSectionMm2);
        ByTestId("sample-id").SendKeys(sampleId);
        ByTestId("operator").SendKeys("Li Wei 李伟");
        var before = Text("return document.getElementById('run-id').textContent");
        ByTestId("start-run").Click();
        var runId = "";
        await WaitAsync(() =>
        {
            var error = ByTestId("start-error").Text;
            Assert.True(string.IsNullOrEmpty(error), "start failed on the page: " + error);
            runId = Text("return document.getElementById('run-id').textContent");
            return runId.Length > 0 && runId != before;
        }, "the run shown on the page");

        var aborted = false;
        await WaitAsync(() =>
        {
            if (ByTestId("prompt").Displayed)
            {
                if (Text("return localStorage.getItem('cabletest.lang')") == "zh")
                {
                    ChinesePrompts.Add(Text("return document.getElementById('prompt-text').innerText"));
                }

                ByTestId("prompt-ok").Click();
            }

            var withstandPoints = int.Parse(Text("return document.getElementById('chart-hv').dataset.points ?? '0'"), System.Globalization.CultureInfo.InvariantCulture);
            var state = ByTestId("run-state").GetAttribute("data-state") ?? "";
            if (live && LiveWithstandPoints == 0 && withstandPoints > 40 && state == "RUN_STATE_RUNNING")
            {
                LiveWithstandPoints = withstandPoints;
                Screenshot("1280-live-withstand");
            }

            // As soon as the withstand trace has begun (at 60x its 300 s dwell is 5 s of wall time, and on a loaded
            // machine one pass of this loop can take a second): the abort must land inside the dwell.
            if (abortInDwell && !aborted && withstandPoints > 3 && state == "RUN_STATE_RUNNING")
            {
                ByTestId("abort").Click();
                aborted = true;
                WithstandPointsAtAbort = withstandPoints;
            }

            return state is "RUN_STATE_COMPLETED" or "RUN_STATE_ABORTED" or "RUN_STATE_INCOMPLETE";
        }, $"run {sampleId} ended on the page", TimeSpan.FromSeconds(120));
        if (abortInDwell)
        {
            // Not thrown here: a fixture failure would fail every dashboard test; the aborted run's test says it.
            AbortClicked = aborted;
        }

        await RunShownAsync(runId);
        return runId;
    }

    public static async Task WaitAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                if (condition())
                {
                    return;
                }
            }
            catch (StaleElementReferenceException)
            {
                // The page re-rendered under us: look again.
            }

            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException("timed out waiting for: " + what);
            }

            await Task.Delay(50);
        }
    }
}
