using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests.Support;

/// <summary>Steps on the trading screens (ticket, positions, orders) that several tests take.</summary>
internal static class TradingPages
{
    public const string Ticket = "#order-ticket";

    /// <summary>Opens the ticket from a watchlist row's Trade button.</summary>
    public static async Task OpenTicketFromWatchlistAsync(DashboardPage dashboard, string symbol)
    {
        await dashboard.Row(symbol).Locator("button.kb-trade-button").ClickAsync();
        await dashboard.Page.Locator($"{Ticket} #ticket-instrument[data-symbol=\"{symbol}\"]").WaitForAsync();
    }

    /// <summary>Waits, by polling in the browser, until an element's text is no longer <paramref name="first"/>; returns the new text.</summary>
    public static async Task<string> UntilTextChangesAsync(IPage page, string selector, string first, float timeoutMs = 20_000)
    {
        await page.WaitForFunctionAsync(
            "([sel, first]) => { const el = document.querySelector(sel); return el && el.textContent.trim() !== first; }",
            new object[] { selector, first.Trim() },
            new PageWaitForFunctionOptions { Timeout = timeoutMs });
        return (await page.Locator(selector).InnerTextAsync()).Trim();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    /// <summary>True when the page fits the screen's width (wide tables scroll inside their cards).</summary>
    public static async Task AssertFitsWidthAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"The page is {widths[0]} px wide on a {widths[1]} px screen.");
    }
}
