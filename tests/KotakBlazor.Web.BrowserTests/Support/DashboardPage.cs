using KotakBlazor.Web.Tests.Support;
using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests.Support;

/// <summary>What a person does on the dashboard, in Playwright steps.</summary>
internal sealed class DashboardPage(IPage page, LoopbackApp app)
{
    public IPage Page { get; } = page;

    public async Task SignInAsync(string userName = "admin", string password = LoopbackApp.AdminPassword)
    {
        await Page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        await Page.WaitForURLAsync("**/account/login**");
        await Page.FillAsync("#username", userName);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("#sign-in");
        await Page.WaitForURLAsync(new Uri(app.BaseAddress, "/").ToString());
        await Row("Nifty 50").WaitForAsync();
        // Prerendered HTML is replaced when the circuit starts; the watchlist marks itself live then.
        await Page.Locator("table.kb-watchlist[data-live=\"true\"]").WaitForAsync();
    }

    public ILocator Row(string symbol) => Page.Locator($"tr[data-symbol=\"{symbol}\"]");

    public ILocator LastPrice(string symbol) => Row(symbol).Locator(".kb-ltp");
}
