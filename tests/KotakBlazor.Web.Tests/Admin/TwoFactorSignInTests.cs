using System.Net;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Admin;

/// <summary>Enrolling an authenticator and signing in with it, over real HTTP against the running app.</summary>
public sealed class TwoFactorSignInTests : IAsyncLifetime
{
    private const string Password = "trader-password-1";
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Accounts:MaxFailedSignIns"] = "3" });
        await _app.Services.GetRequiredService<UserAccountService>().CreateAsync("trader1", Password, UserRoles.Trader, "admin", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task After_enrolling_the_password_alone_does_not_sign_in_and_the_next_code_does()
    {
        var (enrolled, _) = await _app.SignedInClientAsync("trader1", Password);
        var (secret, _) = await AccountForms.EnrolAsync(_app, enrolled);
        enrolled.Dispose();

        var cookies = new CookieContainer();
        using var client = _app.CreateClient(cookies);
        var password = await _app.PostLoginAsync(client, "trader1", Password, "/orders");

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/account/login/two-factor?ReturnUrl=%2Forders", AccountForms.Location(_app, password).PathAndQuery);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "kotakblazor.auth");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        var codePage = await client.GetStringAsync("/account/login/two-factor?ReturnUrl=%2Forders");
        Assert.Contains("Signing in as <strong id=\"two-factor-user\">trader1</strong>", codePage, StringComparison.Ordinal);

        var signedIn = await AccountForms.PostAsync(client, "/account/login/two-factor?ReturnUrl=%2Forders", codePage, "two-factor-login",
            new Dictionary<string, string> { ["Input.Code"] = AccountForms.Code(_app, secret, 1) });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/orders", AccountForms.Location(_app, signedIn).PathAndQuery);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == "kotakblazor.auth");
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "kotakblazor.2fa" && !c.Expired);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/orders")).StatusCode);
    }

    [Fact]
    public async Task A_code_is_refused_the_second_time_and_a_wrong_one_is_refused_with_a_message()
    {
        var (enrolled, _) = await _app.SignedInClientAsync("trader1", Password);
        var (secret, _) = await AccountForms.EnrolAsync(_app, enrolled);
        enrolled.Dispose();
        var code = AccountForms.Code(_app, secret, 1);
        using (var first = _app.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AccountForms.SignInWithCodeAsync(_app, first, "trader1", Password, code)).StatusCode);
        }

        using var second = _app.CreateClient();
        var replayed = await AccountForms.SignInWithCodeAsync(_app, second, "trader1", Password, code);
        var wrong = await AccountForms.PostCodeAsync(second, code == "000000" ? "111111" : "000000");

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("not right, or was used already", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/")).StatusCode);
        var audit = await _app.Services.GetRequiredService<AuditLog>().RecentAsync(30, CancellationToken.None);
        Assert.Contains(audit, a => a.Actor == "trader1" && a.Action == "auth.second-factor.failed" && a.Details!.Contains("already used", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Actor == "trader1" && a.Action == "auth.second-factor.failed" && a.Details == "Wrong authenticator code.");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_wrong_codes_lock_the_account()
    {
        var (enrolled, _) = await _app.SignedInClientAsync("trader1", Password);
        var (_, recovery) = await AccountForms.EnrolAsync(_app, enrolled);
        enrolled.Dispose();

        using (var withRecovery = _app.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AccountForms.SignInWithCodeAsync(_app, withRecovery, "trader1", Password, recovery[0])).StatusCode);
        }

        using var attacker = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountForms.SignInWithCodeAsync(_app, attacker, "trader1", Password, recovery[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountForms.PostCodeAsync(attacker, "AAAA-BBBB-CCCC-DDDD")).StatusCode);
        var locked = await AccountForms.PostCodeAsync(attacker, "12345");

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked for 15 more minute(s)", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var owner = _app.CreateClient();
        var ownerLocked = await _app.PostLoginAsync(owner, "trader1", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, ownerLocked.StatusCode);
    }

    [Fact]
    public async Task The_code_page_without_a_password_step_signs_nobody_in()
    {
        using var client = _app.CreateClient();

        var page = await client.GetAsync(AccountForms.CodePage);

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Sign in with your password again", html, StringComparison.Ordinal);
        Assert.DoesNotContain("two-factor-code", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_turns_it_off_with_a_code_and_signs_in_with_the_password_alone_again()
    {
        var (client, _) = await _app.SignedInClientAsync("trader1", Password);
        var (secret, _) = await AccountForms.EnrolAsync(_app, client);
        var page = await client.GetStringAsync(AccountForms.TwoFactorPage);
        Assert.Contains("data-enabled=\"true\"", page, StringComparison.Ordinal);

        var off = await AccountForms.PostAsync(client, AccountForms.TwoFactorPage, page, "disable-two-factor",
            new Dictionary<string, string> { ["Disable.Code"] = AccountForms.Code(_app, secret, 1) });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Contains("The authenticator is off", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        client.Dispose();
        var (again, _) = await _app.SignedInClientAsync("trader1", Password);
        again.Dispose();
    }
}
