using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Tests.Support;
using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests;

/// <summary>
/// A trader buys a share from the watchlist through the ticket (review, then one Execute even on
/// a double click), sees the broker's order number, then the position with its P&amp;L moving on
/// the positions page and the order with its history on the orders page. The clock runs 30 times
/// faster, so the simulated market moves quickly.
/// </summary>
public sealed class TradingOrderTests(BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private const string Symbol = "RELIANCE-EQ";
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Clock:Speed"] = "30" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_ticket_from_the_watchlist_places_one_order_whose_position_and_history_show_live()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        var page = dashboard.Page;
        await dashboard.SignInAsync();
        await page.Locator("#day-pnl[data-live=\"true\"]").WaitForAsync();

        // The ticket: one lot of an equity is one share; Enter on the form reviews.
        await TradingPages.OpenTicketFromWatchlistAsync(dashboard, Symbol);
        Assert.Contains("= 1 units (lot size 1)", await page.InnerTextAsync("#ticket-quantity"), StringComparison.Ordinal);
        Assert.Equal("Cnc", await page.InputValueAsync("#ticket-product"));
        await page.Locator("#ticket-lots").PressAsync("Enter");
        await page.Locator("#ticket-confirm[data-allowed=\"true\"]").WaitForAsync();
        Assert.Equal($"1 x BUY 1 {Symbol} (1 lots) at market CNC", (await page.InnerTextAsync("#ticket-will-send li")).Trim());
        Assert.StartsWith("₹", await page.InnerTextAsync("#ticket-margin-required"), StringComparison.Ordinal);
        Assert.NotEqual("–", (await page.InnerTextAsync("#ticket-ltp")).Trim());
        await TradingPages.ScreenshotAsync(page, "ticket-confirm.png");

        // A double click on Execute sends one order (the button disables itself; the server's key does the rest).
        await page.Locator("#ticket-execute").DblClickAsync();
        await page.Locator("#ticket-result[data-accepted=\"true\"]").WaitForAsync();
        var placed = page.Locator("#ticket-result-orders tr.kb-ticket-order");
        Assert.Equal(1, await placed.CountAsync());
        await page.Locator("#ticket-result-orders tr.kb-ticket-order[data-status=\"Filled\"]").WaitForAsync(new() { Timeout = 20_000 });
        var brokerId = (await placed.Locator(".kb-broker-id").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-Za-z-]+$", brokerId);
        await TradingPages.ScreenshotAsync(page, "ticket-result.png");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator(TradingPages.Ticket).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // Positions: the share is held and its P&L moves with the market.
        await page.ClickAsync("nav a[href=\"/positions\"]");
        var row = page.Locator($"#positions-table[data-live=\"true\"] tr[data-symbol=\"{Symbol}\"][data-net=\"1\"]");
        await row.WaitForAsync(new() { Timeout = 20_000 });
        var pnlSelector = $"#positions-table tr[data-symbol=\"{Symbol}\"] [data-testid=\"position-pnl\"]";
        var firstPnl = (await page.InnerTextAsync(pnlSelector)).Trim();
        Assert.Matches(@"^[+-]?-?₹[0-9,]+\.[0-9]{2}$", firstPnl);
        var laterPnl = await TradingPages.UntilTextChangesAsync(page, pnlSelector, firstPnl);
        Assert.NotEqual(firstPnl, laterPnl);
        Assert.Equal("CNC", (await row.Locator("td").Nth(1).InnerTextAsync()).Trim());
        await page.Locator("#strategy-pnl tr[data-strategy=\"Ticket and adopted trades\"]").WaitForAsync();
        await page.Locator("#funds #funds-margin-used").WaitForAsync();
        await TradingPages.ScreenshotAsync(page, "positions.png");

        // Orders: exactly one order, filled, with its history a click away.
        await page.ClickAsync("nav a[href=\"/orders\"]");
        var order = page.Locator($"#orders-table[data-live=\"true\"] tr.kb-order[data-broker-id=\"{brokerId}\"]");
        await order.WaitForAsync();
        Assert.Equal(1, await page.Locator($"#orders-table tr.kb-order[data-symbol=\"{Symbol}\"]").CountAsync());
        Assert.Equal("Filled", await order.GetAttributeAsync("data-status"));
        var text = await order.InnerTextAsync();
        Assert.Contains("BUY", text, StringComparison.Ordinal);
        Assert.Contains("Ticket", text, StringComparison.Ordinal);
        Assert.Contains("admin", text, StringComparison.Ordinal);
        await order.ClickAsync();
        var orderId = await order.GetAttributeAsync("data-order-id");
        var timeline = page.Locator($"tr[data-timeline-for=\"{orderId}\"] .kb-timeline");
        await timeline.Locator("tr.kb-timeline-event[data-kind=\"Filled\"]").First.WaitForAsync();
        Assert.Equal("Created", await timeline.Locator("tr.kb-timeline-event").First.GetAttributeAsync("data-kind"));
        Assert.Contains("Filled", await timeline.Locator(".kb-lifecycle").InnerTextAsync(), StringComparison.Ordinal);
        await TradingPages.ScreenshotAsync(page, "orders.png");

        // The filters: a filled order is not active.
        await page.ClickAsync(".kb-filter-chip[data-filter=\"active\"]");
        await order.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.ClickAsync(".kb-filter-chip[data-filter=\"Filled\"]");
        await order.WaitForAsync();

        // On a phone both pages stay within the screen.
        await page.SetViewportSizeAsync(390, 844);
        await TradingPages.AssertFitsWidthAsync(page);
        await TradingPages.ScreenshotAsync(page, "orders-phone.png");
        await page.ClickAsync("nav a[href=\"/positions\"]");
        await row.WaitForAsync();
        await TradingPages.AssertFitsWidthAsync(page);
        await TradingPages.ScreenshotAsync(page, "positions-phone.png");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_refused_ticket_cannot_be_executed_and_a_position_is_closed_only_after_its_confirmation()
    {
        const string Infosys = "INFY-EQ";
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        var page = dashboard.Page;
        await dashboard.SignInAsync();
        await TradingPages.ScreenshotAsync(page, "dashboard-trade-buttons.png");

        // A limit twice the last price is outside the price band: the refusal is listed and Execute stays disabled.
        await TradingPages.OpenTicketFromWatchlistAsync(dashboard, Infosys);
        var ltp = decimal.Parse((await page.InnerTextAsync("#ticket-form-ltp")).Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        await page.SelectOptionAsync("#ticket-type", "Limit");
        await page.FillAsync("#ticket-price", (ltp * 2).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#ticket-price").PressAsync("Enter");
        await page.Locator("#ticket-confirm[data-allowed=\"false\"]").WaitForAsync();
        Assert.Contains("from the last price", await page.InnerTextAsync("#ticket-refusals"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#ticket-execute").IsDisabledAsync());
        await TradingPages.ScreenshotAsync(page, "ticket-refused.png");

        // Back to the form: at market it is allowed and fills.
        await page.ClickAsync("#ticket-back");
        await page.SelectOptionAsync("#ticket-type", "Market");
        await page.Locator("#ticket-price").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.ClickAsync("#ticket-review");
        await page.ClickAsync("#ticket-confirm[data-allowed=\"true\"] #ticket-execute");
        await page.Locator("#ticket-result-orders tr.kb-ticket-order[data-status=\"Filled\"]").WaitForAsync(new() { Timeout = 20_000 });
        await page.ClickAsync("#ticket-close");
        await page.Locator(TradingPages.Ticket).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // Closing asks first, naming the exact market order; "Keep position" sends nothing.
        await page.ClickAsync("nav a[href=\"/positions\"]");
        var row = page.Locator($"#positions-table[data-live=\"true\"] tr[data-symbol=\"{Infosys}\"]");
        await page.Locator($"#positions-table[data-live=\"true\"] tr[data-symbol=\"{Infosys}\"][data-net=\"1\"]").WaitForAsync(new() { Timeout = 20_000 });
        await row.Locator("button.kb-close-position").ClickAsync();
        var dialog = page.Locator(".rz-dialog");
        await dialog.WaitForAsync();
        Assert.Contains($"Send SELL 1 {Infosys} at market (CNC) to close your long position of 1?", await dialog.InnerTextAsync(), StringComparison.Ordinal);
        await TradingPages.ScreenshotAsync(page, "close-confirm.png");
        await dialog.Locator("button:has-text(\"Keep position\")").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("1", await row.GetAttributeAsync("data-net"));

        await row.Locator("button.kb-close-position").ClickAsync();
        await page.Locator(".rz-dialog button:has-text(\"Send close order\")").ClickAsync();
        await page.Locator("#positions-message.kb-ok").WaitForAsync();
        await page.Locator($"#positions-table tr[data-symbol=\"{Infosys}\"][data-net=\"0\"]").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal(0, await row.Locator("button.kb-close-position").CountAsync());

        // The order book has the buy and the closing sell, both from the ticket.
        await page.ClickAsync("nav a[href=\"/orders\"]");
        var orders = page.Locator($"#orders-table[data-live=\"true\"] tr.kb-order[data-symbol=\"{Infosys}\"]");
        await orders.Nth(1).WaitForAsync();
        Assert.Equal(2, await orders.CountAsync());
        Assert.Contains("SELL", await orders.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("BUY", await orders.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
