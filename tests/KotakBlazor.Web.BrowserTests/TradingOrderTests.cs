using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;
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
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Clock:Speed"] = "30" }, configure: TestStrategies.Register);

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

    [Fact]
    public async Task A_signal_fills_in_the_ticket_and_a_resting_order_is_modified_then_cancelled_from_the_order_book()
    {
        const string Infosys = "INFY-EQ";
        const string Strategy = "Buys Reliance every bar";
        Assert.True(_app.Services.GetRequiredService<IInstrumentCatalog>().TryGetBySymbol(Symbol, out var reliance));
        var added = await _app.Services.GetRequiredService<StrategyManager>().AddAsync(
            new StrategyConfig(Guid.Empty, TestStrategies.EveryBarKey, Strategy, [reliance.Id], Timeframe.OneMinute, 1, ProductType.Mis,
                new Dictionary<string, string> { ["side"] = "Buy" }, Enabled: true),
            new ActingUser("admin", UserRoles.Admin), CancellationToken.None);
        Assert.True(added.Succeeded, string.Join(" ", added.Errors));

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        var page = dashboard.Page;
        await dashboard.SignInAsync();

        // A signal's Trade button fills in its first leg: instrument, side and the strategy's product.
        var signal = page.Locator($"#signal-feed[data-live=\"true\"] tr[data-strategy=\"{Strategy}\"]").First;
        await signal.WaitForAsync(new() { Timeout = 20_000 });
        await signal.Locator("button.kb-trade-button").ClickAsync();
        await page.Locator($"#ticket-instrument[data-symbol=\"{Symbol}\"]").WaitForAsync();
        Assert.True(await page.IsCheckedAsync("#ticket-side-buy"));
        Assert.Equal("Mis", await page.InputValueAsync("#ticket-product"));
        Assert.Contains($"From the {Strategy} signal", await page.InnerTextAsync("#ticket-note"), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Escape");
        await page.Locator(TradingPages.Ticket).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // "New order" on the order book: search the instrument, a limit 4% under the market rests at the broker.
        await page.ClickAsync("nav a[href=\"/orders\"]");
        await page.Locator("#orders-table[data-live=\"true\"]").WaitForAsync();
        await page.ClickAsync("#orders-new-order");
        await page.FillAsync("#ticket-instrument-search", "INFY");
        await page.ClickAsync($"#ticket-instrument-search-results li[data-symbol=\"{Infosys}\"]");
        await page.Locator($"#ticket-instrument[data-symbol=\"{Infosys}\"]").WaitForAsync();
        var ltp = decimal.Parse((await page.InnerTextAsync("#ticket-form-ltp")).Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        await page.SelectOptionAsync("#ticket-type", "Limit");
        await page.FillAsync("#ticket-price", Math.Floor(ltp * 0.96m).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#ticket-review");
        await page.ClickAsync("#ticket-confirm[data-allowed=\"true\"] #ticket-execute");
        await page.Locator("#ticket-result-orders tr.kb-ticket-order[data-status=\"Open\"]").WaitForAsync(new() { Timeout = 20_000 });
        await page.ClickAsync("#ticket-close");

        var order = page.Locator($"#orders-table tr.kb-order[data-symbol=\"{Infosys}\"][data-status=\"Open\"]");
        await order.WaitForAsync();

        // Modify asks first, listing each change.
        await order.Locator("button.kb-modify").ClickAsync();
        var lower = Math.Floor(ltp * 0.955m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("#modify-price", lower);
        await page.Locator("#modify-price").PressAsync("Enter");
        Assert.Contains("→", await page.InnerTextAsync("#modify-will-send"), StringComparison.Ordinal);
        await page.ClickAsync("#modify-confirm-button");
        await page.Locator("#modify-result.kb-ok").WaitForAsync();
        await page.ClickAsync("#modify-close");
        await order.Locator("td", new() { HasTextString = Convert.ToDecimal(lower, System.Globalization.CultureInfo.InvariantCulture).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("en-IN")) }).WaitForAsync();
        await order.ClickAsync();
        var orderId = await order.GetAttributeAsync("data-order-id");
        await page.Locator($"tr[data-timeline-for=\"{orderId}\"] tr.kb-timeline-event[data-kind=\"Modified\"]").WaitForAsync();

        // Cancel asks first too; the order ends cancelled and leaves the active filter.
        await order.Locator("button.kb-cancel").ClickAsync();
        await page.Locator(".rz-dialog button:has-text(\"Cancel order\")").ClickAsync();
        await page.Locator($"#orders-table tr.kb-order[data-order-id=\"{orderId}\"][data-status=\"Cancelled\"]").WaitForAsync();
        await page.ClickAsync(".kb-filter-chip[data-filter=\"active\"]");
        await page.Locator("#orders-table[data-count=\"0\"]").WaitForAsync();
        await TradingPages.ScreenshotAsync(page, "orders-cancelled.png");
        await context.CloseAsync();
    }
}
