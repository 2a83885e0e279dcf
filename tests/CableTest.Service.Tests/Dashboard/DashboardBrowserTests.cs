using CableTest.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace CableTest.Service.Tests.Dashboard;

/// <summary>
/// The dashboard end to end in Debian's headless Chromium (chromium + chromium-driver): start a run on the
/// simulated bench from the page, answer its prompts with the page's buttons, watch it finish, read the verdict.
/// Screenshots are kept under artifacts/screenshots.
/// </summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task StartRunFromThePage_AnswerPrompts_SeeThePassVerdict()
    {
        var chromium = RequiredTool.Find("chromium", "chromium");
        var chromedriver = RequiredTool.Find("chromedriver", "chromium-driver");
        await using var service = await InProcessService.StartAsync(true, Runs.RunOnSimulatedBenchTests.FastBench);
        var shots = RepoPaths.InRepo("artifacts", "screenshots");
        Directory.CreateDirectory(shots);

        using var driverService = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        driverService.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600");
        using var browser = new ChromeDriver(driverService, options, TimeSpan.FromSeconds(60));
        browser.Navigate().GoToUrl(service.Address + "/");

        IWebElement By(string testId) => browser.FindElement(OpenQA.Selenium.By.CssSelector($"[data-testid='{testId}']"));
        await WaitAsync(() => browser.FindElements(OpenQA.Selenium.By.CssSelector("[data-testid='spec'] option[value='gbt5023.3-227iec01-bv-450/750']")).Count > 0, "product specs loaded");
        var js = (IJavaScriptExecutor)browser;
        js.ExecuteScript("""
            const f = document.getElementById('start-form');
            f.specId.value = 'gbt5023.3-227iec01-bv-450/750';
            f.conductorClass.value = '1';
            f.crossSectionMm2.value = '2.5';
            f.cores.value = '1';
            f.lengthM.value = '100';
            f.conductorDiameterMm.value = '1.78';
            f.insulationOuterDiameterMm.value = '3.38';
            """);
        By("sample-id").SendKeys("S-BROWSER");
        By("operator").SendKeys("chromium");
        Screenshot(browser, shots, "1-start-form");
        By("start-run").Click();

        var prompts = 0;
        await WaitAsync(() =>
        {
            var error = browser.FindElement(OpenQA.Selenium.By.Id("start-error")).Text;
            Assert.True(string.IsNullOrEmpty(error), "start failed on the page: " + error);
            var prompt = By("prompt");
            if (prompt.Displayed)
            {
                if (prompts == 0)
                {
                    Screenshot(browser, shots, "2-prompt");
                }

                By("prompt-ok").Click();
                prompts++;
            }

            return (By("run-state").GetAttribute("data-state") ?? "").Contains("COMPLETED", StringComparison.Ordinal)
                && By("run-verdict").Text.Length > 0;
        }, "run completed with a verdict on the page", TimeSpan.FromSeconds(120));

        // The header refreshes the bench every 2 s: after the run it must show the high voltage off.
        await WaitAsync(() => !By("bench-status").Text.Contains("HV ON", StringComparison.Ordinal), "bench header shows HV off after the run", TimeSpan.FromSeconds(10));
        Screenshot(browser, shots, "3-verdict");
        Assert.True(prompts >= 3, $"answered {prompts} prompts");
        Assert.Contains("PASS", By("run-verdict").Text.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(By("run-id").Text));
    }

    private static void Screenshot(ChromeDriver browser, string directory, string name) =>
        browser.GetScreenshot().SaveAsFile(Path.Combine(directory, $"dashboard-{name}.png"));

    private static async Task WaitAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
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

            await Task.Delay(100);
        }
    }
}
