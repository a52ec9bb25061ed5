using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;
using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests.Placements;

/// <summary>
/// A trader builds a 100-lot NIFTY short strangle on the paper broker, confirms it, watches it go
/// out in batches, sees the summary and the position's P&amp;L move, and closes it again. The clock
/// runs 30 times faster, so the simulated market moves quickly.
/// </summary>
public sealed class StrangleBuilderTests(BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        // Paper capital for 100 lots a side (the paper margin model blocks 15% of the underlying per short unit).
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Clock:Speed"] = "30", ["PaperBroker:Capital"] = "10000000000" });
        await PaperTrading.ReadyAsync(_app, CancellationToken.None);
        // At 30 times speed a 100-lot strangle's P&L can swing past the default daily-loss limit within the test; an admin raises it first.
        var risk = _app.Services.GetRequiredService<RiskSettingsService>();
        var saved = await risk.SaveAsync(new ActingUser("admin", UserRoles.Admin), risk.Limits with { MaxDailyLoss = 100_000_000m, MaxTotalExposure = 1_000_000_000m }, risk.Limits, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Message);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_100_lot_nifty_strangle_is_confirmed_placed_in_batches_shown_live_and_closed_again()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        var page = dashboard.Page;
        await dashboard.SignInAsync();

        // The builder lays out a short strangle on the live chain: a call above spot, a put below.
        await page.ClickAsync("nav a[href=\"/strangle\"]");
        await page.Locator("#builder[data-live=\"true\"]").WaitForAsync();
        var legs = page.Locator("#builder-legs tr.kb-builder-leg");
        await page.Locator("#builder-legs tr.kb-builder-leg[data-side=\"Sell\"]").Nth(1).WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal(2, await legs.CountAsync());
        await page.FillAsync("#builder-lots", "100");
        await page.Locator("#builder-legs tr.kb-builder-leg[data-quantity=\"6500\"]").Nth(1).WaitForAsync();
        var call = await legs.Nth(0).GetAttributeAsync("data-symbol");
        var put = await legs.Nth(1).GetAttributeAsync("data-symbol");
        Assert.EndsWith("CE", call, StringComparison.Ordinal);
        Assert.EndsWith("PE", put, StringComparison.Ordinal);
        Assert.Matches(@"^[0-9,]+\.[0-9]{2} / [0-9,]+\.[0-9]{2}$", (await page.InnerTextAsync("#builder-breakevens")).Trim());
        Assert.Equal("unlimited", (await page.InnerTextAsync("#builder-max-loss")).Trim());
        Assert.Contains("left today", await page.InnerTextAsync("#builder-budget"), StringComparison.Ordinal);
        await page.Locator("#builder-payoff polyline.kb-builder-payoff-expiry").WaitForAsync();
        await page.Locator("#builder-verdict.kb-ok").WaitForAsync(new() { Timeout = 20_000 });
        Assert.StartsWith("₹", (await page.InnerTextAsync("#builder-margin")).Trim(), StringComparison.Ordinal);
        await TradingPages.ScreenshotAsync(page, "strangle-builder.png");

        // Enter reviews: the confirmation lists every leg, the batch plan, the order count, the pacing and the time.
        await page.Locator("#builder-lots").PressAsync("Enter");
        await page.Locator("#placement-confirm[data-allowed=\"true\"]").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal(["SELL", "SELL"], (await page.Locator("#placement-confirm-legs tr.kb-placement-leg td:nth-child(2)").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal(["6500", "6500"], await page.Locator("#placement-confirm-legs tr.kb-placement-leg").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.quantity)"));
        Assert.Equal("10", (await page.InnerTextAsync("#placement-order-count")).Trim());
        Assert.StartsWith("5", (await page.InnerTextAsync("#placement-batch-count")).Trim(), StringComparison.Ordinal);
        Assert.Equal(5, await page.Locator("#placement-plan li").CountAsync());
        Assert.Equal($"SELL 1,300 {call}, SELL 1,300 {put}", (await page.Locator("#placement-plan li").First.InnerTextAsync()).Trim());
        Assert.Contains("at most 10 orders a second", await page.InnerTextAsync("#placement-pacing"), StringComparison.Ordinal);
        Assert.StartsWith("about ", (await page.InnerTextAsync("#placement-estimate")).Trim(), StringComparison.Ordinal);
        await TradingPages.ScreenshotAsync(page, "strangle-confirm.png");

        // Execute, even double-clicked, places it once; the progress shows every order's broker number and status.
        await page.Locator("#placement-execute").DblClickAsync();
        await page.Locator("#placement-progress").WaitForAsync();
        await AssertCompletedAsync(page);
        var orders = page.Locator("#placement-orders tr.kb-placement-order");
        Assert.Equal(10, await orders.CountAsync());
        await page.Locator("#placement-orders tr.kb-placement-order[data-status=\"Filled\"]").Nth(9).WaitForAsync();
        Assert.All(await page.Locator("#placement-orders .kb-broker-id").AllInnerTextsAsync(), id => Assert.Matches("^[0-9A-Za-z-]+$", id.Trim()));
        Assert.Equal("All 5 batches filled", (await page.InnerTextAsync("#placement-batch")).Split(" (")[0].Trim());
        Assert.Equal("5 of 5 placed, 5 filled", (await page.InnerTextAsync("#placement-summary-calls")).Trim());
        Assert.Equal("5 of 5 placed, 5 filled", (await page.InnerTextAsync("#placement-summary-puts")).Trim());
        Assert.True(decimal.Parse(await page.Locator("#placement-summary-premium").GetAttributeAsync("data-premium") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        await TradingPages.ScreenshotAsync(page, "strangle-progress.png");
        Assert.Equal(10, (await BrokerOrdersAsync()).Count);

        // The position: listed with its P&L, which moves with the market.
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("#placement-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var row = page.Locator("#placements tr.kb-placement-row[data-open=\"true\"]");
        await row.WaitForAsync();
        var entryId = await row.GetAttributeAsync("data-placement-id");
        var pnl = $"#placement-pnl-{entryId}";
        var firstPnl = (await page.InnerTextAsync(pnl)).Trim();
        Assert.NotEqual(firstPnl, await TradingPages.UntilTextChangesAsync(page, pnl, firstPnl, 30_000));

        // A second browser (or a refresh) sees exactly what was placed.
        var second = await context.NewPageAsync();
        await second.GotoAsync(new Uri(_app.BaseAddress, "/strangle").ToString());
        await second.Locator("#builder[data-live=\"true\"]").WaitForAsync();
        await second.ClickAsync($"#placement-view-{entryId}");
        await second.Locator("#placement-progress[data-status=\"Completed\"]").WaitForAsync();
        Assert.Equal(10, await second.Locator("#placement-orders tr.kb-placement-order[data-status=\"Filled\"]").CountAsync());
        await second.CloseAsync();

        // Close: every leg bought back in batches, confirmed first.
        await page.ClickAsync($"#placement-close-{entryId}");
        await page.Locator("#placement-confirm[data-allowed=\"true\"]").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal(["BUY", "BUY"], (await page.Locator("#placement-confirm-legs tr.kb-placement-leg td:nth-child(2)").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal("10", (await page.InnerTextAsync("#placement-order-count")).Trim());
        await page.ClickAsync("#placement-execute");
        await AssertCompletedAsync(page);
        await page.ClickAsync("#placement-close");
        await page.Locator($"#placements tr.kb-placement-row[data-placement-id=\"{entryId}\"][data-open=\"false\"]").WaitForAsync();
        var book = await BrokerOrdersAsync();
        Assert.Equal(20, book.Count);
        Assert.Equal(10, book.Count(o => o.Side == OrderSide.Buy && o.Status == OrderStatus.Filled));
        await TradingPages.ScreenshotAsync(page, "strangle-closed.png");

        // On a phone the builder stays within the screen.
        await page.SetViewportSizeAsync(390, 844);
        await TradingPages.AssertFitsWidthAsync(page);
        await TradingPages.ScreenshotAsync(page, "strangle-phone.png");
        await context.CloseAsync();
    }

    /// <summary>Waits for the placement to finish one way or the other; a stop fails with what the progress view says (the reason per order).</summary>
    private static async Task AssertCompletedAsync(IPage page)
    {
        var progress = page.Locator("#placement-progress:not([data-status=\"Ready\"]):not([data-status=\"Running\"])");
        await progress.WaitForAsync(new() { Timeout = 30_000 });
        if (await progress.GetAttributeAsync("data-status") != "Completed")
        {
            Assert.Fail($"The placement did not complete: {await progress.InnerTextAsync()}");
        }
    }

    private async Task<IReadOnlyList<BrokerOrder>> BrokerOrdersAsync()
    {
        var book = await _app.Services.GetRequiredService<IBrokerGateway>().GetOrderBookAsync(CancellationToken.None);
        Assert.True(book.IsSuccess, book.ToString());
        return book.Value!;
    }
}
