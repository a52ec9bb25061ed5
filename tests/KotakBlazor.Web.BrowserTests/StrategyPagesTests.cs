using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Tests.Support;
using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests;

/// <summary>
/// A trader adds a strategy with their own parameters, switches it on, and sees its signals
/// arrive in the dashboard's feed and on the chart. The clock runs 30 times faster, so a
/// 1-minute bar closes every two seconds.
/// </summary>
public sealed class StrategyPagesTests(BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private const string Name = "Every bar on Nifty";
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Clock:Speed"] = "30" }, configure: TestStrategies.Register);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_strategy_added_with_custom_parameters_and_enabled_shows_its_signals_in_the_feed_and_on_the_chart()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        var page = dashboard.Page;
        await dashboard.SignInAsync();

        await page.ClickAsync("nav a[href=\"/strategies\"]");
        await page.Locator("#strategy-list[data-live=\"true\"]").WaitForAsync();
        Assert.Contains("Every bar (test)", await page.Locator("article[data-kind=\"test-every-bar\"]").InnerTextAsync());

        await page.FillAsync("#strategy-name", Name);
        await page.FillAsync("#strategy-instrument-search", "NIFTY 50");
        await page.Locator("#strategy-instrument-search-results li[data-symbol=\"Nifty 50\"]").ClickAsync();
        await page.Locator("li.kb-chip[data-symbol=\"Nifty 50\"]").WaitForAsync();

        // A value out of range is explained as it is typed, by the parameter's own rule.
        await page.FillAsync("#param-confidence", "150");
        await page.Locator("[data-parameter=\"confidence\"] .validation-message:has-text(\"at most 100\")").WaitForAsync();
        await page.FillAsync("#param-confidence", "85");
        await page.Locator("[data-parameter=\"confidence\"] .validation-message").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.SelectOptionAsync("#param-side", "Buy");
        await page.FillAsync("#param-stopLossPercent", "1.5");
        await page.ClickAsync("#strategy-submit");

        var row = page.Locator($"#strategy-list tr[data-strategy=\"{Name}\"]");
        await page.Locator($"#strategy-list tr[data-strategy=\"{Name}\"][data-enabled=\"false\"]").WaitForAsync();
        await row.Locator("input.kb-enable").ClickAsync();
        await page.Locator($"#strategy-list tr[data-strategy=\"{Name}\"][data-enabled=\"true\"]").WaitForAsync();
        // Live: the count of today's signals moves without a reload.
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('#strategy-list tr[data-strategy=\"{Name}\"]')?.dataset.signals) >= 1", null, new() { Timeout = 15_000 });
        await Screenshot(page, "strategies.png");

        await page.ClickAsync("nav a[href=\"/\"]");
        var signal = page.Locator($"#signal-feed[data-live=\"true\"] tr[data-strategy=\"{Name}\"]").First;
        await signal.WaitForAsync(new() { Timeout = 15_000 });
        var text = await signal.InnerTextAsync();
        Assert.Contains("Nifty 50", text, StringComparison.Ordinal);
        Assert.Contains("BUY", text, StringComparison.Ordinal);
        Assert.Contains("85%", text, StringComparison.Ordinal);

        // The chart shows NIFTY 50 (the first watchlist row) with a marker where the signal fired and the EMA line.
        await dashboard.Row("Nifty 50").ClickAsync();
        await page.WaitForFunctionAsync(
            "() => { const c = document.querySelector('#candle-chart'); return c && c.dataset.instrument === 'nse_cm|26000' && Number(c.dataset.markers) >= 1; }",
            null,
            new() { Timeout = 15_000 });
        await Screenshot(page, "dashboard-signals.png");

        // On a phone the page stays within the screen (wide tables scroll inside their cards).
        await page.ClickAsync("nav a[href=\"/strategies\"]");
        await page.Locator("#strategy-list[data-live=\"true\"]").WaitForAsync();
        await page.SetViewportSizeAsync(390, 844);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"The page is {widths[0]} px wide on a {widths[1]} px screen.");
        await Screenshot(page, "strategies-phone.png");

        // Removing asks first.
        await row.Locator("button.kb-remove").ClickAsync();
        await page.Locator(".rz-dialog button:has-text(\"Remove\")").ClickAsync();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await context.CloseAsync();
    }

    internal static async Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }
}
