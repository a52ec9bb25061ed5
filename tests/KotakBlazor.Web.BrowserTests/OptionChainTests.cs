using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Tests.Support;
using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests;

public sealed class OptionChainTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task The_option_chain_highlights_the_atm_strike_and_refreshes_on_its_own()
    {
        await using var app = await LoopbackApp.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), app);
        var page = dashboard.Page;
        await dashboard.SignInAsync();

        await page.ClickAsync("nav a[href=\"/options\"]");
        await page.Locator("#option-chain[data-live=\"true\"][data-underlying=\"NIFTY\"]").WaitForAsync();
        var atm = page.Locator("#option-chain tr.kb-atm");
        await atm.WaitForAsync();
        Assert.Equal(1, await atm.CountAsync());
        Assert.Equal(await page.Locator("#option-chain").GetAttributeAsync("data-atm-strike"), await atm.GetAttributeAsync("data-strike"));
        Assert.NotEqual("–", (await page.Locator("#chain-pcr").InnerTextAsync()).Trim());
        Assert.NotEqual("–", (await page.Locator("#chain-max-pain").InnerTextAsync()).Trim());

        // Scrolled into view inside the table, and the numbers move within a few seconds.
        await page.WaitForFunctionAsync("() => { const s = document.querySelector('.kb-chain-scroll'); return s && s.dataset.scrolledTo; }");
        Assert.True(await atm.IsVisibleAsync());
        var before = await page.Locator("#option-chain tbody").InnerTextAsync();
        await page.WaitForFunctionAsync(
            "before => document.querySelector('#option-chain tbody')?.innerText !== before",
            before,
            new() { Timeout = 10_000 });
        await StrategyPagesTests.Screenshot(page, "option-chain.png");

        // A phone: the table scrolls sideways inside its card instead of widening the page.
        await page.SetViewportSizeAsync(390, 844);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"The page is {widths[0]} px wide on a {widths[1]} px screen.");
        await StrategyPagesTests.Screenshot(page, "option-chain-phone.png");
        await context.CloseAsync();
    }
}
