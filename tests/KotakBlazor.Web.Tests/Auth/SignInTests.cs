using System.Net;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Auth;

public sealed class SignInTests : IAsyncLifetime
{
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() => _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Accounts:MaxFailedSignIns"] = "3" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/api-keys")]
    public async Task Pages_refuse_anonymous_users_by_sending_them_to_the_login_page(string path)
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bootstrapped_admin_signs_in_and_reaches_the_dashboard()
    {
        var (client, _) = await _app.SignedInClientAsync();

        var dashboard = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Watchlist", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_that_asked_for_it_but_never_to_another_site()
    {
        using var local = _app.CreateClient();
        using var foreign = _app.CreateClient();

        var toLocal = await _app.PostLoginAsync(local, "admin", LoopbackApp.AdminPassword, "/admin/api-keys");
        var toForeign = await _app.PostLoginAsync(foreign, "admin", LoopbackApp.AdminPassword, "//evil.example/phish");

        Assert.Equal(new Uri(_app.BaseAddress, "/admin/api-keys"), new Uri(_app.BaseAddress, toLocal.Headers.Location!));
        Assert.Equal(new Uri(_app.BaseAddress, "/"), new Uri(_app.BaseAddress, toForeign.Headers.Location!));
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_and_sets_no_cookie()
    {
        var cookies = new CookieContainer();
        using var client = _app.CreateClient(cookies);

        var response = await _app.PostLoginAsync(client, "admin", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "kotakblazor.auth");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var users = _app.Services.GetRequiredService<UserAccountService>();
        await users.CreateAsync("locky", "the-right-password", UserRoles.Trader, "test", CancellationToken.None);
        using var client = _app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            await _app.PostLoginAsync(client, "locky", "wrong-" + i);
        }

        var response = await _app.PostLoginAsync(client, "locky", "the-right-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("locked for", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_form_is_refused_without_its_antiforgery_token()
    {
        using var client = _app.CreateClient();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "admin",
            ["Input.Password"] = LoopbackApp.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_viewer_is_refused_the_admin_pages_by_the_server()
    {
        var users = _app.Services.GetRequiredService<UserAccountService>();
        await users.CreateAsync("viewer1", "viewer-password", UserRoles.Viewer, "test", CancellationToken.None);
        var (client, _) = await _app.SignedInClientAsync("viewer1", "viewer-password");

        var response = await client.GetAsync("/admin/api-keys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
        client.Dispose();
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_needs_the_antiforgery_token()
    {
        var (client, _) = await _app.SignedInClientAsync();
        var page = await client.GetStringAsync("/");

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = LoopbackApp.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        client.Dispose();
    }
}
