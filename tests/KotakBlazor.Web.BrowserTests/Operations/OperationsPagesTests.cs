using KotakBlazor.Core.Orders;
using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Tests.Support;
using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests.Operations;

/// <summary>
/// In a real browser: an admin runs the end-of-day cleanup after its confirmation and watches the
/// six steps complete, then finds the run in the history; a trader's fill pops up as a toast and in
/// the bell's count, and the centre lists it. The clock runs 30 times faster.
/// </summary>
public sealed class OperationsPagesTests(BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Clock:Speed"] = "30", ["Operations:EndOfDayTime"] = "" }, configure: TestStrategies.Register);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_admin_runs_the_end_of_day_cleanup_and_watches_its_six_steps_complete()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        var page = dashboard.Page;
        await dashboard.SignInAsync();

        await page.ClickAsync("nav a[href=\"/admin/operations\"]");
        await page.Locator("#operations-page[data-live=\"true\"]").WaitForAsync();
        await page.Locator("#eod-run-none").WaitForAsync();

        // The confirmation names the six steps before anything happens; Escape backs out, nothing runs.
        await page.ClickAsync("#eod-run-now");
        var confirm = page.Locator("#eod-confirm");
        await confirm.WaitForAsync();
        Assert.Equal(6, await confirm.Locator("#eod-confirm-steps li").CountAsync());
        Assert.Contains("Final verification of every order's status", await confirm.InnerTextAsync(), StringComparison.Ordinal);
        await TradingPages.ScreenshotAsync(page, "eod-confirm.png");
        await page.Keyboard.PressAsync("Escape");
        await confirm.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(1, await page.Locator("#eod-run-none").CountAsync());

        await page.ClickAsync("#eod-run-now");
        await page.ClickAsync("#eod-confirm-confirm");
        var run = page.Locator("#eod-run[data-outcome=\"Completed\"]");
        await run.WaitForAsync(new() { Timeout = 30_000 });
        for (var step = 1; step <= 6; step++)
        {
            var status = await run.Locator($"li.kb-eod-step[data-step=\"{step}\"]").GetAttributeAsync("data-status");
            Assert.True(status is "Succeeded" or "Skipped", $"Step {step} ended {status}");
        }

        Assert.Equal("6", await run.GetAttributeAsync("data-finished-steps"));
        Assert.Contains("backups past the retention removed", await run.Locator("li.kb-eod-step[data-step=\"6\"]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("End-of-day cleanup started", await page.InnerTextAsync("#eod-message"), StringComparison.Ordinal);
        await TradingPages.ScreenshotAsync(page, "eod-completed.png");

        // The history has the run; opening it shows its steps again.
        var row = page.Locator("#eod-history tr.kb-eod-history-row[data-outcome=\"Completed\"]");
        await row.WaitForAsync();
        Assert.Equal(1, await row.CountAsync());
        await row.ClickAsync();
        await page.Locator("#eod-history tr.kb-eod-history-detail li.kb-eod-step").First.WaitForAsync();
        Assert.Equal(6, await page.Locator("#eod-history tr.kb-eod-history-detail li.kb-eod-step").CountAsync());

        // The summary the cleanup sent is in the admin's bell.
        await page.Locator("#notify-bell:not([data-unread=\"0\"])").WaitForAsync();

        await page.SetViewportSizeAsync(390, 844);
        await TradingPages.AssertFitsWidthAsync(page);
        await TradingPages.ScreenshotAsync(page, "eod-phone.png");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_toast_appears_when_an_order_fills_and_the_centre_lists_it()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        var page = dashboard.Page;
        await dashboard.SignInAsync();
        await page.Locator("#notify-bell[data-live=\"true\"]").WaitForAsync();
        var unreadBefore = int.Parse((await page.GetAttributeAsync("#notify-bell", "data-unread"))!, System.Globalization.CultureInfo.InvariantCulture);

        // The admin's order fills at the paper broker while the dashboard is open.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await PaperTrading.LastPriceAsync(_app, PaperTrading.Reliance, timeout.Token);
        await PaperTrading.FillAsync(_app, PaperTrading.Admin, PaperTrading.Reliance, OrderSide.Buy, 1, timeout.Token);

        var toast = page.Locator("[data-testid=\"notify-toast\"][data-kind=\"OrderExecuted\"]");
        await toast.WaitForAsync(new() { Timeout = 20_000 });
        Assert.StartsWith("Order filled: BUY 1 RELIANCE-EQ", (await toast.Locator(".kb-notify-toast-title").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await page.Locator($"#notify-bell:not([data-unread=\"{unreadBefore}\"])").WaitForAsync();
        await TradingPages.ScreenshotAsync(page, "notify-toast.png");

        await page.ClickAsync("#notify-bell");
        await page.Locator("#notifications-page[data-live=\"true\"]").WaitForAsync();
        var item = page.Locator("#notify-list li.kb-notify-item[data-kind=\"OrderExecuted\"][data-unread=\"true\"]");
        await item.First.WaitForAsync();
        await page.ClickAsync("#notify-mark-all");
        await page.Locator("#notify-list li.kb-notify-item[data-unread=\"true\"]").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.Locator("#notify-bell[data-unread=\"0\"]").WaitForAsync();
        await TradingPages.ScreenshotAsync(page, "notifications.png");
        await context.CloseAsync();
    }
}
