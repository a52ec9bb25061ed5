using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Tests.Support;
using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests;

public sealed class DashboardTests(BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() => _app = await LoopbackApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Admin_signs_in_watches_prices_move_adds_a_symbol_sees_candles_and_signs_out()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        var page = dashboard.Page;

        await dashboard.SignInAsync();

        // The NIFTY 50 price moves on its own.
        var first = await dashboard.LastPrice("Nifty 50").InnerTextAsync();
        await page.WaitForFunctionAsync(
            "([sel, first]) => { const el = document.querySelector(sel); return el && el.textContent.trim() !== first; }",
            new object[] { "tr[data-symbol=\"Nifty 50\"] .kb-ltp", first.Trim() });

        // Add a symbol from the search; it is saved for this user.
        await page.FillAsync("#instrument-search", "TCS");
        await page.Locator("li[data-symbol=\"TCS-EQ\"]").WaitForAsync();
        await page.PressAsync("#instrument-search", "Enter");
        await dashboard.Row("TCS-EQ").WaitForAsync();
        await page.ReloadAsync();
        await dashboard.Row("TCS-EQ").WaitForAsync();

        // An unknown search says so; removing a symbol is saved too.
        await page.Locator("table.kb-watchlist[data-live=\"true\"]").WaitForAsync();
        await page.FillAsync("#instrument-search", "NOSUCHTHING");
        await page.Locator("#instrument-no-results").WaitForAsync();
        await page.FillAsync("#instrument-search", "");
        await dashboard.Row("RELIANCE-EQ").Locator("button[aria-label=\"Remove RELIANCE-EQ\"]").ClickAsync();
        await dashboard.Row("RELIANCE-EQ").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.ReloadAsync();
        await dashboard.Row("TCS-EQ").WaitForAsync();
        Assert.Equal(0, await dashboard.Row("RELIANCE-EQ").CountAsync());

        // Candles: select NIFTY 50 and wait for at least one bar drawn on a canvas.
        await dashboard.Row("Nifty 50").ClickAsync();
        await page.WaitForFunctionAsync("() => { const c = document.querySelector('#candle-chart'); return c && c.dataset.instrument === 'nse_cm|26000' && Number(c.dataset.bars) >= 1 && c.querySelector('canvas'); }");
        Assert.True(await page.Locator("#candle-chart canvas").CountAsync() > 0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "benchmark-results", "dashboard.png") });

        // Sign out: back to the login page, and the dashboard is closed again.
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/account/login**");
        await page.GotoAsync(new Uri(_app.BaseAddress, "/").ToString());
        await page.WaitForURLAsync("**/account/login**");
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_creates_an_api_key_that_is_shown_once()
    {
        var dashboard = new DashboardPage(await browser.Browser.NewPageAsync(), _app);
        await dashboard.SignInAsync();
        var page = dashboard.Page;

        await page.ClickAsync("a[href=\"/admin/api-keys\"]");
        await page.Locator("h1:has-text(\"API keys\")").WaitForAsync();
        await page.Locator("#create-key").WaitForAsync();
        // Wait for the interactive circuit: the prerendered form would post nowhere.
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('#key-name')");
        await page.FillAsync("#key-name", "browser-bot");
        await page.ClickAsync("#create-key");
        var key = await page.Locator("#created-key").InnerTextAsync();

        Assert.StartsWith("kb_", key, StringComparison.Ordinal);
        await page.Locator("td:has-text(\"browser-bot\")").WaitForAsync();
        await page.ReloadAsync();
        await page.Locator("td:has-text(\"browser-bot\")").WaitForAsync();
        Assert.Equal(0, await page.Locator("#created-key").CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_explained_on_the_login_page()
    {
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(_app.BaseAddress, "/account/login").ToString());
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", "definitely-wrong");
        await page.ClickAsync("#sign-in");

        var error = page.Locator("#login-error");
        await error.WaitForAsync();
        Assert.Equal("Wrong user name or password.", (await error.InnerTextAsync()).Trim());
        await page.CloseAsync();
    }
}
