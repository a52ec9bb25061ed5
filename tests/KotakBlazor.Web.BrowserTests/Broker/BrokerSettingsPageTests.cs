using KotakBlazor.Web.BrowserTests.Support;
using KotakBlazor.Web.Tests.Broker;
using KotakBlazor.Web.Tests.Support;
using Microsoft.Playwright;

namespace KotakBlazor.Web.BrowserTests.Broker;

/// <summary>
/// An admin opens the broker settings from the menu (KotakNeo mode against the fake Kotak on loopback), types the
/// login details and submits with Enter, sees them only masked, logs in, and watches the health panel turn to
/// logged in with both feeds connected and the client IP Kotak sees.
/// </summary>
public sealed class BrokerSettingsPageTests(BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private FakeKotakBroker _fake = null!;
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeKotakBroker.StartAsync();
        _app = await LoopbackApp.StartAsync(_fake.Settings());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_enters_the_login_details_sees_them_masked_logs_in_and_sees_the_health_panel()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_app.BaseAddress, "/").ToString());
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", LoopbackApp.AdminPassword);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(new Uri(_app.BaseAddress, "/").ToString());

        // The menu offers the page to an admin; it is opened by address, as the risk page test does (an in-circuit
        // navigation away from an empty dashboard was seen to stall under load).
        await Assertions.Expect(page.Locator("nav a[href=\"/admin/broker\"]")).ToHaveTextAsync("Broker");
        await page.GotoAsync(new Uri(_app.BaseAddress, "/admin/broker").ToString());
        var health = page.Locator("#broker-health[data-live=\"true\"]");
        await health.WaitForAsync();
        await page.Locator("#broker-credentials-none").WaitForAsync();
        Assert.Equal("false", await health.GetAttributeAsync("data-logged-in"));
        Assert.Contains("Broker not logged in: enter credentials on the broker settings page.", await page.InnerTextAsync("#broker-login-problem"), StringComparison.Ordinal);

        var account = _fake.Credentials;
        await page.FillAsync("#broker-access-token", account.AccessToken);
        await page.FillAsync("#broker-mobile", account.MobileNumber);
        await page.FillAsync("#broker-ucc", account.Ucc);
        await page.FillAsync("#broker-mpin", account.Mpin);
        await page.FillAsync("#broker-totp-secret", account.TotpSecret);
        await page.PressAsync("#broker-totp-secret", "Enter");

        var saved = page.Locator("#broker-credentials-saved");
        await saved.WaitForAsync();
        Assert.StartsWith("Saved (encrypted)", await page.InnerTextAsync("#broker-credentials-message"), StringComparison.Ordinal);
        var masked = await saved.InnerTextAsync();
        Assert.EndsWith("K7", await page.InnerTextAsync("#broker-credentials-saved [data-field=\"ucc\"]"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, await page.InputValueAsync("#broker-totp-secret"));
        Assert.Equal("password", await page.GetAttributeAsync("#broker-mpin", "type"));

        await page.ClickAsync("#broker-login");
        var login = page.Locator("#broker-login-result[data-succeeded=\"true\"]");
        await login.WaitForAsync();
        Assert.StartsWith("Logged in to Kotak Neo on 127.0.0.1", await login.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#broker-health[data-logged-in=\"true\"]").WaitForAsync();
        await page.Locator("#broker-feed-kotak-sfeed[data-connected=\"true\"]").WaitForAsync();
        await page.Locator("#broker-feed-kotak-orders[data-connected=\"true\"]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("broker-client-ip-value")).ToHaveTextAsync("127.0.0.1");
        await Assertions.Expect(page.Locator("#broker-budget-orders")).ToContainTextAsync("of 10 left");
        // Collapsed once logged in, still there to open.
        Assert.Contains("Since 1 April 2026", await page.Locator("#broker-help-100008").TextContentAsync(), StringComparison.Ordinal);
        await StrategyPagesTests.Screenshot(page, "broker-settings.png");

        var everything = await page.ContentAsync() + masked;
        foreach (var secret in new[] { account.AccessToken, account.MobileNumber, account.Ucc, account.TotpSecret })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        await context.CloseAsync();
    }
}
