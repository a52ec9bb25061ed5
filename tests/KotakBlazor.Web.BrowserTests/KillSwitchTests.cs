using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;
using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests;

/// <summary>
/// An admin trips the kill switch on the risk page: the banner appears on that page and, live, on
/// a dashboard opened before; orders are refused; a reset clears it everywhere. A trader sees the
/// page without the controls. (The order ticket UI is on another branch: the refused order is
/// placed through the same server command the ticket uses.)
/// </summary>
public sealed class KillSwitchTests(BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private const string Reason = "Browser test: the feed looks wrong";
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(120));
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Clock:Speed"] = "30" });

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_trips_on_the_risk_page_every_open_page_shows_it_orders_are_refused_and_a_reset_clears_it()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        await dashboard.SignInAsync();
        // A second tab on the dashboard, open before the trip: the banner must reach it without a reload.
        var other = await context.NewPageAsync();
        await other.GotoAsync(new Uri(_app.BaseAddress, "/").ToString());
        await other.Locator("#kill-switch-status[data-live=\"true\"][data-tripped=\"false\"]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var page = dashboard.Page;
        await PaperTrading.ReadyAsync(_app, _timeout.Token);
        await page.ClickAsync("nav a[href=\"/risk\"]");
        await page.Locator("#risk-page[data-live=\"true\"]").WaitForAsync();
        await page.Locator("#kill-switch-state[data-tripped=\"false\"]").WaitForAsync();

        // No reason, no trip.
        await page.ClickAsync("#kill-switch-trip");
        await page.Locator("#kill-switch-reason-error").WaitForAsync();
        Assert.Equal(0, await page.Locator("#kill-switch-confirm").CountAsync());

        // Enter submits, Escape closes the confirmation, and it states what will happen.
        await page.FillAsync("#kill-switch-reason", Reason);
        await page.PressAsync("#kill-switch-reason", "Enter");
        var confirm = page.Locator("#kill-switch-confirm");
        await confirm.WaitForAsync();
        var consequences = await confirm.InnerTextAsync();
        Assert.Contains("No new order reaches the broker", consequences, StringComparison.Ordinal);
        Assert.Contains("cancelled", consequences, StringComparison.Ordinal);
        Assert.Contains("paused", consequences, StringComparison.Ordinal);
        Assert.Contains("left open", consequences, StringComparison.Ordinal);
        Assert.Contains(Reason, consequences, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Escape");
        await confirm.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.False(_app.Services.GetRequiredService<KillSwitchService>().State.IsTripped);

        await page.PressAsync("#kill-switch-reason", "Enter");
        await confirm.WaitForAsync();
        await StrategyPagesTests.Screenshot(page, "risk-trip-confirm.png");
        await page.ClickAsync("#kill-switch-confirm-confirm");

        var banner = page.Locator("#kill-switch-banner[role=\"alert\"]");
        await banner.WaitForAsync();
        var text = await banner.InnerTextAsync();
        Assert.Matches(@"Kill switch TRIPPED by admin at \d\d:\d\d IST: " + Reason + " - no new orders reach the broker", text);
        await other.GetByRole(AriaRole.Alert).Filter(new() { HasText = Reason }).WaitForAsync(new() { Timeout = 2_000 });
        await page.Locator("#kill-switch-state[data-tripped=\"true\"]").WaitForAsync();
        await page.Locator($"#kill-switch-history tr[data-kind=\"trip\"][data-actor=\"admin\"]:has-text(\"{Reason}\")").WaitForAsync();
        await StrategyPagesTests.Screenshot(page, "risk-tripped.png");

        var refused = await _app.Services.GetRequiredService<TradingCommands>().PlaceAsync(
            PaperTrading.Admin, new OrderTicket(PaperTrading.Reliance, OrderSide.Buy, 1, OrderType.Market, ProductType.Mis), OrderSource.Ticket, "browser-1", _timeout.Token);
        Assert.False(refused.Accepted);
        Assert.Contains("kill switch is tripped", refused.Message, StringComparison.Ordinal);

        // Navigating keeps the banner: it is part of every page.
        await page.ClickAsync("nav a[href=\"/\"]");
        await page.Locator("#kill-switch-banner").WaitForAsync();

        await page.ClickAsync("nav a[href=\"/risk\"]");
        await page.FillAsync("#kill-switch-reset-reason", "Feed checked with the exchange");
        await page.ClickAsync("#kill-switch-reset");
        await page.Locator("#kill-switch-reset-confirm:has-text(\"Orders may reach the broker again\")").WaitForAsync();
        await page.ClickAsync("#kill-switch-reset-confirm-confirm");

        await page.Locator("#kill-switch-banner").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await other.Locator("#kill-switch-banner").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 2_000 });
        await page.Locator("#kill-switch-state[data-tripped=\"false\"]").WaitForAsync();
        await page.Locator("#kill-switch-history tr[data-kind=\"reset\"]:has-text(\"Feed checked with the exchange\")").WaitForAsync();
        Assert.False(_app.Services.GetRequiredService<KillSwitchService>().State.IsTripped);
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_changes_a_limit_after_seeing_its_old_and_new_value_and_it_is_in_force_at_once()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        await dashboard.SignInAsync();
        var page = dashboard.Page;
        await page.ClickAsync("nav a[href=\"/risk\"]");
        await page.Locator("#risk-page[data-live=\"true\"]").WaitForAsync();

        // A negative limit is explained at the field and nothing is asked.
        await page.FillAsync("#limit-MaxDailyLoss", "-5");
        await page.ClickAsync("#limits-save");
        await page.Locator(".validation-message:has-text(\"Max daily loss cannot be negative\")").WaitForAsync();
        Assert.Equal(0, await page.Locator("#limits-confirm").CountAsync());

        await page.FillAsync("#limit-MaxDailyLoss", "25000");
        await page.FillAsync("#limit-MaxOpenPositions", "5");
        await page.PressAsync("#limit-MaxOpenPositions", "Enter");
        var daily = page.Locator("#limits-changes tr[data-limit=\"MaxDailyLoss\"]");
        await daily.WaitForAsync();
        Assert.Equal(2, await page.Locator("#limits-changes tbody tr").CountAsync());
        Assert.Equal("Max daily loss\t\u20b950,000.00\t\u20b925,000.00", (await daily.InnerTextAsync()).Trim());
        await StrategyPagesTests.Screenshot(page, "risk-limits-confirm.png");
        await page.ClickAsync("#limits-confirm-confirm");

        await page.Locator("#limits-message.kb-ok:has-text(\"Risk limits saved and in force\")").WaitForAsync();
        await page.Locator("[data-testid=\"risk-day-pnl\"]:has-text(\"Max daily loss \u20b925,000.00\")").WaitForAsync();
        var limits = _app.Services.GetRequiredService<RiskSettingsService>().Limits;
        Assert.Equal(25_000m, limits.MaxDailyLoss);
        Assert.Equal(5, limits.MaxOpenPositions);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_trader_sees_the_kill_switch_and_limits_but_no_controls()
    {
        await _app.Services.GetRequiredService<UserAccountService>().CreateAsync("trader1", "trader-password-1", UserRoles.Trader, "admin", _timeout.Token);
        // After start-up: the stored state is restored then, and would replace a trip made earlier.
        await PaperTrading.ReadyAsync(_app, _timeout.Token);
        Assert.True((await _app.Services.GetRequiredService<KillSwitchService>().TripAsync(PaperTrading.Admin, "tripped by the admin", _timeout.Token)).Succeeded);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        // A new trader's watchlist is empty, so the dashboard's own sign-in step (which waits for NIFTY 50) does not fit.
        await page.GotoAsync(new Uri(_app.BaseAddress, "/").ToString());
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("#username", "trader1");
        await page.FillAsync("#password", "trader-password-1");
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(new Uri(_app.BaseAddress, "/").ToString());
        await page.Locator("#kill-switch-banner:has-text(\"tripped by the admin\")").WaitForAsync();

        // Opened by address: under a loaded machine an in-circuit navigation from a new trader's empty dashboard was seen
        // to stall past the timeout (noted for investigation); the page itself is what this test is about.
        await page.GotoAsync(new Uri(_app.BaseAddress, "/risk").ToString());
        await page.Locator("#risk-page[data-live=\"true\"]").WaitForAsync();

        await page.Locator("#risk-read-only").WaitForAsync();
        await page.Locator("#kill-switch-state[data-tripped=\"true\"]").WaitForAsync();
        Assert.Equal(0, await page.Locator("#kill-switch-trip, #kill-switch-reset, #kill-switch-reason, #kill-switch-reset-reason, #limits-save").CountAsync());
        Assert.True(await page.Locator("#limit-MaxDailyLoss").IsDisabledAsync());
        Assert.Equal("50000", await page.Locator("#limit-MaxDailyLoss").InputValueAsync());
        await page.Locator("[data-testid=\"risk-day-pnl\"]").WaitForAsync();

        // On a phone the page stays within the screen.
        await page.SetViewportSizeAsync(390, 844);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"The page is {widths[0]} px wide on a {widths[1]} px screen.");
        await StrategyPagesTests.Screenshot(page, "risk-trader-phone.png");
        await context.CloseAsync();
    }
}
