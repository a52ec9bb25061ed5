using KotakBlazor.Infrastructure.Security;
using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Tests.Support;
using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests.Admin;

/// <summary>
/// An admin creates a trader on the users page and the trader signs in; the admin sets up an
/// authenticator by reading the key under the QR code (the test computes the app's code from it),
/// signs out, signs back in with password and code, and finds it all in the audit log.
/// </summary>
public sealed class AdminPagesTests(BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private const string TraderName = "asha.trader";
    private const string TraderPassword = "asha-first-password";
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() => _app = await LoopbackApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_admin_creates_a_trader_who_signs_in()
    {
        var adminContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var admin = new DashboardPage(await adminContext.NewPageAsync(), _app);
        await admin.SignInAsync();
        var page = admin.Page;

        await page.ClickAsync("nav a[href=\"/admin/users\"]");
        await page.Locator("#users-table[data-live=\"true\"]").WaitForAsync();
        await page.FillAsync("#new-user-name", TraderName);
        await page.FillAsync("#new-user-password", TraderPassword);
        await page.SelectOptionAsync("#new-user-role", "Trader");
        await page.PressAsync("#new-user-password", "Enter");

        await page.Locator("#admin-users-message[data-ok=\"true\"]:has-text(\"Created user 'asha.trader' with role Trader.\")").WaitForAsync();
        var row = page.Locator($"#users-table tr[data-user=\"{TraderName}\"][data-role=\"Trader\"][data-disabled=\"false\"]");
        await row.WaitForAsync();

        // Disabling asks first and says what it does; Escape leaves everything as it was.
        await row.Locator("button.kb-admin-toggle").ClickAsync();
        var confirm = page.Locator("#admin-user-confirm");
        await confirm.WaitForAsync();
        Assert.Contains("can no longer sign in", await confirm.InnerTextAsync(), StringComparison.Ordinal);
        await StrategyPagesTests.Screenshot(page, "admin-users-confirm.png");
        await page.Keyboard.PressAsync("Escape");
        await confirm.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await row.WaitForAsync();

        // The admin cannot disable or re-role themself: the controls say so before the server would.
        Assert.True(await page.Locator("#users-table tr[data-user=\"admin\"] button.kb-admin-toggle").IsDisabledAsync());

        // On a phone the page stays within the screen (the table scrolls inside its card).
        await page.SetViewportSizeAsync(390, 844);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"The page is {widths[0]} px wide on a {widths[1]} px screen.");
        await page.SetViewportSizeAsync(1400, 1000);

        var traderContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var trader = await traderContext.NewPageAsync();
        await trader.GotoAsync(new Uri(_app.BaseAddress, "/").ToString());
        await trader.WaitForURLAsync("**/account/login**");
        await trader.FillAsync("#username", TraderName);
        await trader.FillAsync("#password", TraderPassword);
        await trader.PressAsync("#password", "Enter");
        await trader.WaitForURLAsync(new Uri(_app.BaseAddress, "/").ToString());
        // A new trader starts with an empty watchlist; the header says who is signed in.
        Assert.Contains(TraderName + " (Trader)", await trader.Locator("#account-link").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await trader.Locator("nav a[href=\"/admin/users\"]").CountAsync());
        await trader.GotoAsync(new Uri(_app.BaseAddress, "/admin/users").ToString());
        await trader.WaitForURLAsync("**/account/access-denied**");
        await trader.Locator("h1:has-text(\"Access denied\")").WaitForAsync();

        await traderContext.CloseAsync();
        await adminContext.CloseAsync();
    }

    [Fact]
    public async Task An_admin_enrols_an_authenticator_from_the_key_under_the_qr_code_and_signs_in_with_it()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var dashboard = new DashboardPage(await context.NewPageAsync(), _app);
        await dashboard.SignInAsync();
        var page = dashboard.Page;

        await page.ClickAsync("#account-link");
        await page.WaitForURLAsync("**/account/two-factor");
        await page.Locator("#two-factor-state[data-enabled=\"false\"]").WaitForAsync();
        await page.ClickAsync("#two-factor-start");
        var qr = page.Locator("#two-factor-qr");
        await qr.WaitForAsync();
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 100, "The QR code image did not load.");
        var secret = (await page.Locator("#two-factor-secret").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        await StrategyPagesTests.Screenshot(page, "two-factor-enrol.png");

        await page.FillAsync("#two-factor-confirm-code", Code(secret, 0));
        await page.PressAsync("#two-factor-confirm-code", "Enter");
        await page.Locator("#recovery-codes").WaitForAsync();
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await page.Locator("#two-factor-state[data-enabled=\"true\"]").WaitForAsync();

        // Sign out, then in again: the password alone is not enough.
        await page.ClickAsync("#two-factor-back");
        await page.Locator("table.kb-watchlist[data-live=\"true\"]").WaitForAsync();
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/account/login");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", LoopbackApp.AdminPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync("**/account/login/two-factor**");
        Assert.Equal("admin", await page.Locator("#two-factor-user").InnerTextAsync());

        // The next step's code: the enrolment used this step's, and a code is never accepted twice.
        await page.FillAsync("#two-factor-code", Code(secret, 1));
        await page.PressAsync("#two-factor-code", "Enter");
        await page.WaitForURLAsync(new Uri(_app.BaseAddress, "/").ToString());
        await page.Locator("table.kb-watchlist[data-live=\"true\"]").WaitForAsync();

        // The audit log shows the second factor turned on and the two-step sign-in.
        await page.ClickAsync("nav a[href=\"/admin/audit\"]");
        await page.Locator("#audit-table[data-live=\"true\"]").WaitForAsync();
        await page.SelectOptionAsync("#audit-kind", "two-factor");
        await page.ClickAsync("#audit-apply");
        await page.Locator("#audit-table tr[data-action=\"two-factor.enabled\"][data-actor=\"admin\"]").WaitForAsync();
        await page.SelectOptionAsync("#audit-kind", "sign-in");
        await page.PressAsync("#audit-user", "Enter");
        await page.Locator("#audit-table tr[data-action=\"auth.password-accepted\"][data-actor=\"admin\"]").WaitForAsync();
        await page.Locator("#audit-table tr[data-action=\"auth.sign-out\"][data-actor=\"admin\"]").WaitForAsync();
        Assert.Contains("authenticator code", await page.Locator("#audit-table tr[data-action=\"auth.sign-in\"]").First.InnerTextAsync(), StringComparison.Ordinal);
        await StrategyPagesTests.Screenshot(page, "audit-log.png");
        await context.CloseAsync();
    }

    private string Code(string secret, int steps) =>
        Totp.FromBase32(secret).CodeAt(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow() + (Totp.DefaultStep * steps));
}
